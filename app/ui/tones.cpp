#include "ui/tones.h"

#include <QLabel>

#include <algorithm>
#include <cmath>

namespace FinChat::Ui {

Tones::Tones(const QPalette &palette)
    : m_base(palette.color(QPalette::Active, QPalette::Base))
    , m_text(palette.color(QPalette::Active, QPalette::Text))
    , m_highlight(palette.color(QPalette::Active, QPalette::Highlight))
{}

bool Tones::isDark() const
{
    return m_base.lightnessF() < m_text.lightnessF();
}

QColor Tones::bubble(Bubble kind) const
{
    switch (kind) {
    case Bubble::Plain:
        return m_base;
    case Bubble::Own:
        return mix(m_base, m_highlight, isDark() ? 0.22 : 0.14);
    case Bubble::Bot:
        return mix(m_base, QColor(0xe0, 0xa0, 0x10), isDark() ? 0.16 : 0.12);
    case Bubble::Aside:
        return mix(m_base, m_text, 0.06);
    case Bubble::Mention:
        return mix(m_base, QColor(0xff, 0xc8, 0x3d), isDark() ? 0.20 : 0.30);
    }
    return m_base;
}

QColor Tones::muted() const
{
    // Close enough to the text to stay readable on the most tinted bubble.
    return mix(m_text, m_base, isDark() ? 0.30 : 0.38);
}

QColor Tones::fall() const
{
    return isDark() ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x2a, 0x1e);
}

QColor Tones::chip() const
{
    // Stronger than one's own bubble's tint, so a chip shows on it too.
    return mix(m_base, m_highlight, isDark() ? 0.36 : 0.26);
}

QColor Tones::cardOutline() const
{
    return mix(m_base, m_text, 0.30);
}

QColor Tones::rise() const
{
    return isDark() ? QColor(0x6c, 0xdb, 0x97) : QColor(0x1a, 0x73, 0x40);
}

QColor Tones::mix(const QColor &a, const QColor &b, double share)
{
    const auto blend = [share](double x, double y) {
        return x + (y - x) * share;
    };
    return QColor::fromRgbF(static_cast<float>(blend(a.redF(), b.redF())),
                            static_cast<float>(blend(a.greenF(), b.greenF())),
                            static_cast<float>(blend(a.blueF(), b.blueF())));
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

void say(QLabel *label, const QString &text, QColor (Tones::*tone)() const)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, (Tones(palette).*tone)());
    label->setPalette(palette);
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

double Tones::contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &colour) {
        const auto linear = [](double channel) {
            return channel <= 0.03928 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) +
               0.0722 * linear(colour.blueF());
    };
    const double first = luminance(a);
    const double second = luminance(b);
    return (std::max(first, second) + 0.05) / (std::min(first, second) + 0.05);
}

} // namespace FinChat::Ui
