// theme.h — the wizard's calm, high-contrast look (GOV.UK colours: text #0b0c0c on white,
// green buttons, yellow focus) and its type sizes: the em in CSS px, exactly as CSS
// font-size means it, before the browser's text-size setting. Nothing is below 16.
#pragma once
#include <imgui.h>

namespace cleanslate::theme {

constexpr ImU32 kBackground = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kText = IM_COL32(11, 12, 12, 255);
constexpr ImU32 kMuted = IM_COL32(80, 90, 95, 255);
constexpr ImU32 kOnDark = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kLink = IM_COL32(29, 112, 184, 255);
constexpr ImU32 kLinkHover = IM_COL32(0, 48, 120, 255);
constexpr ImU32 kPrimary = IM_COL32(0, 112, 60, 255);
constexpr ImU32 kPrimaryHover = IM_COL32(0, 90, 48, 255);
constexpr ImU32 kPrimaryPressed = IM_COL32(0, 70, 38, 255);
constexpr ImU32 kPrimaryShadow = IM_COL32(0, 45, 24, 255);
constexpr ImU32 kDisabled = IM_COL32(120, 130, 135, 255);
constexpr ImU32 kSecondary = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kPanel = IM_COL32(243, 242, 241, 255);
constexpr ImU32 kPanelPressed = IM_COL32(220, 218, 216, 255);
constexpr ImU32 kSelected = IM_COL32(232, 241, 250, 255);
constexpr ImU32 kBorder = IM_COL32(177, 180, 182, 255);
constexpr ImU32 kBorderStrong = IM_COL32(80, 90, 95, 255);
constexpr ImU32 kFocus = IM_COL32(255, 221, 0, 255);
constexpr ImU32 kError = IM_COL32(212, 53, 28, 255);
constexpr ImU32 kInfo = IM_COL32(29, 112, 184, 255);
constexpr ImU32 kSuccess = IM_COL32(0, 112, 60, 255);
constexpr ImU32 kAlert = IM_COL32(11, 12, 12, 255);          // "Let go now": black with yellow,
constexpr ImU32 kAlertText = IM_COL32(255, 221, 0, 255);     // 15:1 contrast, seen across a room

constexpr float kSmallSize = 16.f;     // captions, hints, the task list
constexpr float kBodySize = 19.f;      // paragraphs, labels, buttons
constexpr float kTitleSize = 24.f;     // error summary and status block titles
constexpr float kHeadingSize = 28.f;   // the page's h1
constexpr float kDisplaySize = 64.f;   // countdown digits

}  // namespace cleanslate::theme
