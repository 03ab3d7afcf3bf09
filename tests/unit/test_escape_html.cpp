// The one HTML/XML escaper every written page uses (saved summary, e-mail, funnel, charts).
#include <doctest/doctest.h>

#include "core/escape_html.h"

using cleanslate::escape_html;

TEST_CASE("escape_html makes the five markup characters entities and keeps everything else") {
    CHECK(escape_html("a & b < c > d") == "a &amp; b &lt; c &gt; d");
    CHECK(escape_html("\"quoted\" and 'single'") == "&quot;quoted&quot; and &#39;single&#39;");
    CHECK(escape_html("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    SUBCASE("UTF-8 text and an empty string pass unchanged") {
        CHECK(escape_html("Ré­sumé: één ✓") == "Ré­sumé: één ✓");
        CHECK(escape_html("").empty());
    }
    SUBCASE("an entity is escaped again, never trusted") { CHECK(escape_html("&amp;") == "&amp;amp;"); }
}
