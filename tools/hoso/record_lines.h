// How the commands print a record for a person: one line (two with the
// page's first words), and durations as M:SS or H:MM:SS.
#pragma once

#include <string>

#include "core/record.h"

namespace hoso::cli {

std::string HumanLine(const DossierRecord& r);
std::string Duration(double seconds);

}  // namespace hoso::cli
