// What the app gives a panel besides the view's copy of the run: a way to send commands to the engine, a way to apply
// edited view options (the app's edit and the engine's set_view), and a way to mark the part a tour step names
// (App::mark_tour_focus).
#pragma once
#include <cstdint>
#include <functional>

#include "core/config/config.h"
#include "core/config/tour.h"
#include "engine/protocol.h"
#include "imgui.h"

namespace catgeo {

using SendCommand = std::function<std::uint32_t(Command)>;  // returns the command's id
using ApplyView = std::function<void(const ViewConfig&)>;
using MarkTourFocus = std::function<void(TourFocus, ImVec2 min, ImVec2 max)>;

}  // namespace catgeo
