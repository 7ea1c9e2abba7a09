#include "ui/listdelegates.h"

#include "core/membermodel.h"
#include "core/roomlistmodel.h"
#include "ui/tones.h"

namespace FinChat::Ui {

using namespace Qt::StringLiterals;
using Client::MemberModel;
using Client::RoomListModel;

QSize RoomDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // No width of its own: the list gives each row its full width, and elides what is longer.
    return {1, QStyledItemDelegate::sizeHint(option, index).height()};
}

void RoomDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto notify =
        static_cast<RoomListModel::Notify>(index.data(RoomListModel::NotifyRole).toInt());
    // A muted room's unread messages do not call for attention.
    if (index.data(RoomListModel::UnreadRole).toInt() > 0 && notify != RoomListModel::Notify::Muted)
        option->font.setBold(true);
    if (index.data(RoomListModel::DirectRole).toBool()) {
        // Whether someone of the conversation is here, as in the member list.
        const bool online = index.data(RoomListModel::OnlineRole).toInt() > 0;
        option->text = (online ? u"\u25cf "_s : u"\u25cb "_s) + option->text;
        return;
    }
    if (!index.data(RoomListModel::JoinedRole).toBool()) {
        // Greyed, in italics and marked "+": short enough for any language; the tooltip says
        // how to join.
        option->palette.setColor(QPalette::Text, Tones(option->palette).muted());
        option->font.setItalic(true);
        option->text = u"+ "_s + option->text;
    }
}

void MemberDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool online = index.data(MemberModel::OnlineRole).toBool();
    option->text =
        (online ? u"\u25cf "_s : u"\u25cb "_s) + index.data(MemberModel::LabelRole).toString();
    const Tones tones(option->palette);
    option->palette.setColor(QPalette::Text, online ? tones.online() : tones.muted());
}

} // namespace FinChat::Ui
