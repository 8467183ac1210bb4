#include "core/html.h"

#include <gtest/gtest.h>

namespace hoso {
namespace {

TEST(HtmlEscape, EveryCharacterThatCouldEndATextOrAnAttribute) {
  EXPECT_EQ(HtmlEscape("a < b & c > d"), "a &lt; b &amp; c &gt; d");
  EXPECT_EQ(HtmlEscape("src=\"x\" alt='y'"), "src=&quot;x&quot; alt=&#39;y&#39;");
  EXPECT_EQ(HtmlEscape("Phường Hồng Hà"), "Phường Hồng Hà");
  EXPECT_EQ(HtmlEscape(""), "");
}

}  // namespace
}  // namespace hoso
