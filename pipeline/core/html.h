// Text put into an HTML page (the batch report, evaluate's report): the
// five characters that could end a text node or a quoted attribute
// (& < > " ') written as entities.
#pragma once

#include <string>
#include <string_view>

namespace hoso {

std::string HtmlEscape(std::string_view text);

}  // namespace hoso
