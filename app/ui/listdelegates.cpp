#include "ui/listdelegates.h"

#include "core/membermodel.h"
#include "core/roomlistmodel.h"

namespace FinChat::Ui {

using namespace Qt::StringLiterals;
using Client::MemberModel;
using Client::RoomListModel;

void RoomDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(RoomListModel::UnreadRole).toInt() > 0)
        option->font.setBold(true);
    if (!index.data(RoomListModel::JoinedRole).toBool()) {
        option->palette.setColor(QPalette::Text, QColor(0x90, 0x90, 0x90));
        option->text += tr("  (double-click to join)");
    }
}

void MemberDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool online = index.data(MemberModel::OnlineRole).toBool();
    option->text = (online ? u"\u25cf "_s : u"\u25cb "_s) + option->text;
    if (index.data(MemberModel::BotRole).toBool())
        option->text += tr(" (bot)");
    option->palette.setColor(QPalette::Text,
                             online ? QColor(0x1e, 0x84, 0x49) : QColor(0x90, 0x90, 0x90));
}

} // namespace FinChat::Ui
