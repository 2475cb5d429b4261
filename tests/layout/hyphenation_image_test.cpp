// A compiled hyphenation image must give exactly the dictionary our loader parses from the text,
// every field of every level and state, and answer every word alike; an image that is stale
// against its .dic, cut short, or damaged anywhere must be refused (null), never crash or read
// outside itself; and HyphenationPatterns must take the image when it is valid and the text
// otherwise, with the same hyphenation points either way.
#include "layout/hyphenation_image.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "layout/hyphenation.hpp"
#include "layout/hyphenation_loader.hpp"
#include "support/command.hpp"
#include "support/hyphen_dicts.hpp"

namespace pamphlet::layout {
namespace {

namespace fs = std::filesystem;
using namespace test_support;



void write_bytes(const fs::path& file, std::span<const std::byte> bytes) {
    test_support::write_file(file, std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

// The image of a pattern file as the generator makes it.
std::vector<std::byte> image_of(const fs::path& source) {
    const std::optional<SourceStamp> stamp = source_stamp(source);
    const HyphenDictHandle parsed = load_hyphen_dict(source);
    if (!stamp || !parsed) return {};
    return hyphenation_image(*parsed, *stamp);
}

// every_feature_patterns as a pattern file in a scratch folder, and its image.
struct SmallPatternFile {
    ScratchFolder folder;
    fs::path source = folder / "hyph_xx.dic";
    std::vector<std::byte> image;

    SmallPatternFile() {
        test_support::write_file(source, every_feature_patterns);
        image = image_of(source);
    }
};

fs::path english_patterns() {
    std::error_code error;
    fs::path file = fs::canonical("/usr/share/hyphen/hyph_en_US.dic", error);
    return error ? fs::path() : file;
}

// Words of letters only (what Hyphenation::points is asked), from the big word list.
std::vector<std::string> letter_words(std::size_t most) {
    std::vector<std::string> out;
    for (const std::string& word : word_list()) {
        bool letters = !word.empty();
        for (char c : word) letters = letters && std::isalpha(static_cast<unsigned char>(c)) != 0;
        if (letters && word.size() >= 5) out.push_back(word);
        if (out.size() >= most) break;
    }
    return out;
}

TEST(HyphenationImage, RoundTripGivesTheParsedDictionaryForEveryInstalledFile) {
    const std::vector<fs::path> files = installed_pattern_files();
    if (files.empty()) GTEST_SKIP() << "no pattern files in /usr/share/hyphen";
    const std::vector<std::string> words = word_list();
    ScratchFolder folder;
    for (const fs::path& file : files) {
        SCOPED_TRACE(file.string());
        const HyphenDictHandle parsed = load_hyphen_dict(file);
        const std::optional<SourceStamp> stamp = source_stamp(file);
        ASSERT_TRUE(parsed);
        ASSERT_TRUE(stamp);
        const fs::path image = folder.path() / (file.stem().string() + ".image");
        ASSERT_TRUE(save_hyphenation_image(*parsed, *stamp, image));
        const HyphenDictHandle loaded = load_hyphenation_image(image, file);
        ASSERT_TRUE(loaded);
        expect_same_level(*loaded, *parsed, "first level", Agreement::every_field);
        ASSERT_FALSE(HasFailure());
        // Written again from the loaded dictionary, the image comes out byte for byte the same.
        EXPECT_TRUE(hyphenation_image(*loaded, *stamp) == hyphenation_image(*parsed, *stamp));

        std::size_t breaks = 0;
        const std::size_t compared = expect_same_answers(loaded.get(), parsed.get(), words, breaks);
        ASSERT_FALSE(HasFailure());
        EXPECT_GT(compared, 10000u);
        EXPECT_GT(breaks, compared);
    }
}

TEST(HyphenationImage, TheBuildHasAValidImageOfEveryInstalledFile) {
    const fs::path images = HyphenationPatterns::default_images_directory();
    if (images.empty()) GTEST_SKIP() << "built without hyphenation images";
    for (const fs::path& file : installed_pattern_files()) {
        SCOPED_TRACE(file.string());
        const HyphenDictHandle loaded = load_hyphenation_image(images / (file.stem().string() + ".image"), file);
        ASSERT_TRUE(loaded);
        const HyphenDictHandle parsed = load_hyphen_dict(file);
        ASSERT_TRUE(parsed);
        expect_same_level(*loaded, *parsed, "first level", Agreement::every_field);
    }
}

TEST(HyphenationImage, SmallFileWithEverythingTheFormatHasRoundTrips) {
    ScratchFolder folder;
    const fs::path source = folder.path() / "hyph_xx.dic";
    test_support::write_file(source, every_feature_patterns);
    const HyphenDictHandle parsed = parse_hyphen_dict(every_feature_patterns);
    ASSERT_TRUE(parsed);
    const std::vector<std::byte> image = image_of(source);
    const HyphenDictHandle loaded = hyphenation_image_dict(image, source);
    ASSERT_TRUE(loaded);
    expect_same_level(*loaded, *parsed, "first level", Agreement::every_field);
    ASSERT_NE(loaded->nextlevel, nullptr);
    EXPECT_EQ(nohyphen_entries(*loaded->nextlevel), (std::vector<std::string>{"x"}));
    for (const std::string word : {"schiffahrt", "affft", "abc", "őőő", "ackack", "a-b", "zzzzzzzzzzzz"}) {
        for (bool with_minima : {false, true})
            EXPECT_EQ(hyphenate(loaded.get(), word, with_minima), hyphenate(parsed.get(), word, with_minima)) << word;
    }
}

TEST(HyphenationImage, StaleImageGivesNull) {
    const fs::path installed = english_patterns();
    if (installed.empty()) GTEST_SKIP() << "no English patterns";
    ScratchFolder folder;
    const fs::path source = folder.path() / "hyph_en_US.dic";
    fs::copy_file(installed, source);
    const fs::path image = folder.path() / "hyph_en_US.image";
    const HyphenDictHandle parsed = load_hyphen_dict(source);
    ASSERT_TRUE(parsed);
    ASSERT_TRUE(save_hyphenation_image(*parsed, *source_stamp(source), image));
    ASSERT_TRUE(load_hyphenation_image(image, source));

    // Touched: a nanosecond's difference is enough.
    const fs::file_time_type made = fs::last_write_time(source);
    fs::last_write_time(source, made + std::chrono::nanoseconds(1));
    EXPECT_FALSE(load_hyphenation_image(image, source));
    fs::last_write_time(source, made);
    EXPECT_TRUE(load_hyphenation_image(image, source));

    // Changed in size but with the old time put back.
    {
        std::ofstream out(source, std::ios::binary | std::ios::app);
        out << "x1y\n";
    }
    fs::last_write_time(source, made);
    EXPECT_FALSE(load_hyphenation_image(image, source));

    fs::remove(source);
    EXPECT_FALSE(load_hyphenation_image(image, source));
}

TEST(HyphenationImage, TruncatedImageGivesNull) {
    const SmallPatternFile small;
    const fs::path& source = small.source;
    const std::vector<std::byte>& image = small.image;
    ASSERT_FALSE(image.empty());
    ASSERT_TRUE(hyphenation_image_dict(image, source));
    const fs::path file = small.folder / "cut.image";
    for (std::size_t length = 0; length < image.size(); ++length) {
        const auto prefix = std::span(image).first(length);
        EXPECT_FALSE(hyphenation_image_dict(prefix, source)) << length << " bytes";
        write_bytes(file, prefix);
        EXPECT_FALSE(load_hyphenation_image(file, source)) << length << " bytes, mapped";
    }
    std::vector<std::byte> longer = image;
    longer.push_back(std::byte{0});
    EXPECT_FALSE(hyphenation_image_dict(longer, source));
}

TEST(HyphenationImage, WrongMagicOrVersionGivesNull) {
    const SmallPatternFile small;
    const fs::path& source = small.source;
    const std::vector<std::byte>& image = small.image;
    ASSERT_TRUE(hyphenation_image_dict(image, source));
    for (std::size_t at = 0; at < 12; ++at) {  // the magic and the version number
        std::vector<std::byte> damaged = image;
        damaged[at] ^= std::byte{0x01};
        EXPECT_FALSE(hyphenation_image_dict(damaged, source)) << "byte " << at;
    }
    const std::string text = "PAMWL001 is another format's magic";
    EXPECT_FALSE(hyphenation_image_dict(std::as_bytes(std::span(text.data(), text.size())), source));
    EXPECT_FALSE(load_hyphenation_image(small.folder / "missing.image", source));
    EXPECT_FALSE(load_hyphenation_image(source, source));  // a pattern file is no image
}

TEST(HyphenationImage, DamagedBytesGiveNull) {
    const SmallPatternFile small;
    const fs::path& source = small.source;
    const std::vector<std::byte>& image = small.image;
    ASSERT_TRUE(hyphenation_image_dict(image, source));
    std::mt19937 random(20240611);
    std::uniform_int_distribution<int> nonzero_byte(1, 255);
    // Every byte once, with a random change.
    for (std::size_t at = 0; at < image.size(); ++at) {
        std::vector<std::byte> damaged = image;
        damaged[at] ^= static_cast<std::byte>(nonzero_byte(random));
        EXPECT_FALSE(hyphenation_image_dict(damaged, source)) << "byte " << at;
    }
    // Several bytes at once, anywhere.
    std::uniform_int_distribution<std::size_t> position(0, image.size() - 1);
    std::uniform_int_distribution<int> how_many(2, 16);
    for (int trial = 0; trial < 2000; ++trial) {
        std::vector<std::byte> damaged = image;
        for (int n = how_many(random); n > 0; --n) damaged[position(random)] ^= static_cast<std::byte>(nonzero_byte(random));
        if (damaged == image) continue;
        EXPECT_FALSE(hyphenation_image_dict(damaged, source)) << "trial " << trial;
    }
}

TEST(HyphenationImage, DamagedLargeImageGivesNull) {
    const fs::path installed = english_patterns();
    if (installed.empty()) GTEST_SKIP() << "no English patterns";
    const std::vector<std::byte> image = image_of(installed);
    ASSERT_TRUE(hyphenation_image_dict(image, installed));
    std::mt19937 random(7);
    std::uniform_int_distribution<std::size_t> position(0, image.size() - 1);
    std::uniform_int_distribution<int> bit(0, 7);
    for (int trial = 0; trial < 300; ++trial) {
        std::vector<std::byte> damaged = image;
        const std::size_t at = position(random);
        damaged[at] ^= static_cast<std::byte>(1 << bit(random));
        EXPECT_FALSE(hyphenation_image_dict(damaged, installed)) << "byte " << at;
    }
}

TEST(HyphenationImage, PatternsUseTheImageWhenValidAndTheTextOtherwise) {
    const fs::path installed = english_patterns();
    if (installed.empty()) GTEST_SKIP() << "no English patterns";
    ScratchFolder folder;
    const fs::path patterns = folder.path() / "patterns";
    const fs::path images = folder.path() / "images";
    fs::create_directories(patterns);
    fs::create_directories(images);
    const fs::path source = patterns / "hyph_en_US.dic";
    fs::copy_file(installed, source);
    fs::create_symlink("hyph_en_US.dic", patterns / "hyph_en.dic");  // an alias, as Debian ships
    const HyphenDictHandle parsed = load_hyphen_dict(source);
    ASSERT_TRUE(parsed);
    ASSERT_TRUE(save_hyphenation_image(*parsed, *source_stamp(source), images / "hyph_en_US.image"));

    auto from_image = std::make_shared<HyphenationPatterns>(patterns, images);
    ASSERT_TRUE(from_image->dictionary("en"));  // through the alias
    EXPECT_EQ(from_image->dictionary("en"), from_image->dictionary("en-US"));
    EXPECT_EQ(from_image->files_loaded(), 1u);
    EXPECT_EQ(from_image->images_loaded(), 1u);

    auto without_images = std::make_shared<HyphenationPatterns>(patterns, folder.path() / "no-images");
    ASSERT_TRUE(without_images->dictionary("en"));
    EXPECT_EQ(without_images->files_loaded(), 1u);
    EXPECT_EQ(without_images->images_loaded(), 0u);

    auto no_folder = std::make_shared<HyphenationPatterns>(patterns, fs::path());
    ASSERT_TRUE(no_folder->dictionary("en-US"));
    EXPECT_EQ(no_folder->images_loaded(), 0u);

    fs::last_write_time(source, fs::last_write_time(source) + std::chrono::seconds(1));
    auto stale = std::make_shared<HyphenationPatterns>(patterns, images);
    ASSERT_TRUE(stale->dictionary("en"));
    EXPECT_EQ(stale->files_loaded(), 1u);
    EXPECT_EQ(stale->images_loaded(), 0u);

    Hyphenation with_image(from_image);
    Hyphenation with_text(without_images);
    Hyphenation with_stale_image(stale);
    std::size_t hyphenated = 0;
    for (const std::string& word : letter_words(30000)) {
        const std::vector<std::size_t> expected = with_text.points(word, "en");
        EXPECT_EQ(with_image.points(word, "en"), expected) << word;
        EXPECT_EQ(with_stale_image.points(word, "en"), expected) << word;
        if (!expected.empty()) ++hyphenated;
    }
    EXPECT_GT(hyphenated, 5000u);
}

TEST(HyphenationImage, HandlesOfBothKindsReleaseTheirDictionaries) {
    ScratchFolder folder;
    const fs::path source = folder.path() / "hyph_xx.dic";
    test_support::write_file(source, every_feature_patterns);
    HyphenDictHandle handle = hyphenation_image_dict(image_of(source), source);
    ASSERT_TRUE(handle);
    HyphenDictHandle other = std::move(handle);
    EXPECT_FALSE(handle);
    other = parse_hyphen_dict(every_feature_patterns);  // the image's blocks go, a text dictionary comes
    ASSERT_TRUE(other);
    other = hyphenation_image_dict(image_of(source), source);
    ASSERT_TRUE(other);
    other.reset();
    EXPECT_FALSE(other);
}

}  // namespace
}  // namespace pamphlet::layout
