#include "layout/font_lookup.hpp"

#include <fontconfig/fontconfig.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <set>
#include <string>

namespace pamphlet::layout {
namespace {

// Every family name of every installed font, as the system's configuration lists them.
std::set<std::string> installed_families() {
    std::set<std::string> out;
    FcConfig* config = FcInitLoadConfigAndFonts();
    FcPattern* pattern = FcPatternCreate();
    FcObjectSet* objects = FcObjectSetBuild(FC_FAMILY, nullptr);
    FcFontSet* fonts = FcFontList(config, pattern, objects);
    for (int i = 0; fonts != nullptr && i < fonts->nfont; ++i) {
        FcChar8* name = nullptr;
        for (int k = 0; FcPatternGetString(fonts->fonts[i], FC_FAMILY, k, &name) == FcResultMatch; ++k)
            out.emplace(reinterpret_cast<const char*>(name));
    }
    if (fonts != nullptr) FcFontSetDestroy(fonts);
    FcObjectSetDestroy(objects);
    FcPatternDestroy(pattern);
    FcConfigDestroy(config);
    return out;
}

// Sets an environment variable for one test and puts the old value back.
class ScopedVariable {
public:
    ScopedVariable(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        ::setenv(name, value, 1);
    }
    ~ScopedVariable() {
        if (old_) ::setenv(name_, old_->c_str(), 1);
        else ::unsetenv(name_);
    }
    ScopedVariable(const ScopedVariable&) = delete;
    ScopedVariable& operator=(const ScopedVariable&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

TEST(FontFinder, FontFoldersGiveTheSystemsFileForEveryInstalledFamily) {
    const std::set<std::string> families = installed_families();
    ASSERT_GT(families.size(), 3u);
    FontFinder finder;
    std::size_t exact_answers = 0;
    for (const std::string& family : families) {
        for (FontWeight weight : {FontWeight::normal, FontWeight::bold}) {
            for (FontSlant slant : {FontSlant::normal, FontSlant::italic}) {
                std::optional<FontCandidate> quick = finder.exact_in_font_folders(family, weight, slant);
                if (!quick) continue;
                ++exact_answers;
                EXPECT_TRUE(is_exact_match(*quick, family, weight, slant)) << family;
                std::vector<FontCandidate> full = finder.candidates(family, weight, slant);
                ASSERT_FALSE(full.empty()) << family;
                EXPECT_EQ(quick->file, full.front().file)
                    << family << " weight " << static_cast<int>(weight) << " slant " << static_cast<int>(slant);
            }
        }
    }
    // The styles' own families are installed in all four faces and must take the quick way.
    EXPECT_GE(exact_answers, 8u);
    for (const char* family : {"Charis SIL", "DejaVu Serif"}) {
        for (FontWeight weight : {FontWeight::normal, FontWeight::bold}) {
            for (FontSlant slant : {FontSlant::normal, FontSlant::italic}) {
                EXPECT_TRUE(finder.exact_in_font_folders(family, weight, slant).has_value()) << family;
            }
        }
    }
}

TEST(FontFinder, FamiliesNotInstalledGetNoQuickAnswer) {
    FontFinder finder;
    EXPECT_FALSE(finder.exact_in_font_folders("No Such Family Anywhere", FontWeight::normal, FontSlant::normal));
    // A generic name is a rule of the system's configuration, not a family in the folders.
    EXPECT_FALSE(finder.exact_in_font_folders("serif", FontWeight::normal, FontSlant::normal));
    EXPECT_FALSE(finder.candidates("serif", FontWeight::normal, FontSlant::normal).empty());
}

TEST(FontFinder, AConfigurationOfTheUsersOwnIsNeverBypassed) {
    ScopedVariable variable("FONTCONFIG_FILE", "/etc/fonts/fonts.conf");
    FontFinder finder;
    EXPECT_FALSE(finder.exact_in_font_folders("Charis SIL", FontWeight::normal, FontSlant::normal));
    EXPECT_EQ(finder.candidates("Charis SIL", FontWeight::normal, FontSlant::normal).front().file.filename(),
              "CharisSIL-Regular.ttf");
}

}  // namespace
}  // namespace pamphlet::layout
