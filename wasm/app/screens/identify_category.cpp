// identify_category.cpp — what kind of device is it? Pictures help: most customers can
// point at the device even when they cannot name it.
#include "app/screens.h"

namespace cleanslate {

namespace {
struct CategoryChoice { const char* id; Icon icon; };
constexpr CategoryChoice kChoices[] = {
    {"camera", Icon::camera}, {"recorder", Icon::recorder}, {"router", Icon::router}, {"tv-box", Icon::tv_box},
    {"media-receiver", Icon::tv_box}, {"printer", Icon::printer}, {"nas", Icon::nas}, {"voip", Icon::phone},
    {"smart-home", Icon::smart_home}, {"other", Icon::question},
};
}  // namespace

void screen_identify_category(App& app) {
    UiKit& ui = app.ui();
    if (!app.page(app.tr("identify.category.heading"))) return;
    if (app.later_device()) ui.panel("", app.tr("identify.category.next_device"));
    ui.paragraph(app.tr("identify.category.hint"));
    Answer& answer = app.answers().identify.category;
    for (const CategoryChoice& c : kChoices) {
        std::string id = c.id;
        if (ui.choice("category." + id, app.tr("category.choice." + id), app.tr("category.hint." + id), c.icon, answer && *answer == id)) {
            answer = id;
            app.route_to_next_question();
            return;
        }
    }
    if (ui.choice("category.unknown", app.tr("identify.dont_know"), "", Icon::none, answer && answer->empty())) {
        answer = std::string();
        app.route_to_next_question();
    }
}

}  // namespace cleanslate
