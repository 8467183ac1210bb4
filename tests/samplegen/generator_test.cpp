// The generator's truth must match what it draws: otherwise every score
// computed against it is wrong.
#include "drawing.h"
#include "generator.h"
#include "writers.h"

#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <opencv2/imgproc.hpp>

#include <set>

#include "cleanup/cleanup.h"
#include "core/text_metrics.h"
#include "core/vn_text.h"
#include "ingest/ingest.h"
#include "extract/official.h"
#include "ocr/engine.h"
#include "support/test_support.h"

namespace samplegen {
namespace {

const UnitTable& Units() {
  static const UnitTable t = UnitTable::Load((hoso::test::DataDir() / "admin-units" / "nso-mini.csv").string());
  return t;
}

FormRenderer& Renderer() {
  static std::unique_ptr<FormRenderer> r = [] {
    std::string error;
    auto made = FormRenderer::Create(&error);
    EXPECT_TRUE(made) << error;
    return made;
  }();
  return *r;
}

// Dossiers as drawn, undamaged, with no blank pages.
GeneratorOptions Undamaged() {
  GeneratorOptions o;
  o.profile = "none";
  o.blank_rate = 0;
  return o;
}

// A page's truth: its lines, each ended by a newline.
std::string TruthText(const GeneratedPage& page) {
  std::string text;
  for (const auto& line : page.lines) text += line + "\n";
  return text;
}

// A page as drawn (300 dpi), cleaned and read.
hoso::Result<hoso::OcrPage> ReadDrawn(hoso::OcrEngine& engine, const GeneratedPage& page) {
  auto clean = hoso::Clean(hoso::SourcePage{0, page.clean, 300, true}, {});
  if (!clean.ok()) return clean.status();
  return engine.ReadPage(clean->gray, clean->dpi);
}

TEST(UnitTable, LoadsTheNsoLayout) {
  ASSERT_EQ(Units().links.size(), 11u);
  const UnitLink& first = Units().links[0];
  EXPECT_EQ(first.new_province, "Thành phố Hà Nội");
  EXPECT_EQ(first.new_province_code, "01");
  EXPECT_EQ(first.new_commune, "Phường Hồng Hà");
  EXPECT_EQ(first.new_commune_code, "00097");
  EXPECT_EQ(first.old_district, "Quận Hoàn Kiếm");
}

TEST(Transition, EachStyleWithTheVerdictTheTableGivesIt) {
  const TransitionWriter writer(Units());
  Rng rng(7);
  const auto& links = Units().links;
  // Hồng Hà (new) with Ba Đình, the old district of Phúc Xá, one of its wards.
  auto hong_ha = writer.Write(rng, links[1], TransitionStyle::kNewWardOldDistrict);
  ASSERT_TRUE(hong_ha);
  EXPECT_NE(hong_ha->text.find(", phường Hồng Hà, quận Ba Đình, thành phố Hà Nội"), std::string::npos) << hong_ha->text;
  EXPECT_EQ(hong_ha->kind, "outdated");
  EXPECT_EQ(hong_ha->ward_code, "00097");
  // Old Yên Phụ without unit words: divided, both candidates.
  auto yen_phu = writer.Write(rng, links[2], TransitionStyle::kNoUnitWords);
  ASSERT_TRUE(yen_phu);
  EXPECT_NE(yen_phu->text.find("Yên Phụ, Tây Hồ, Hà Nội"), std::string::npos) << yen_phu->text;
  EXPECT_EQ(yen_phu->text.find("phường"), std::string::npos) << yen_phu->text;
  EXPECT_EQ(yen_phu->kind, "ambiguous");
  EXPECT_EQ(yen_phu->candidate_codes, (std::vector<std::string>{"00097", "00103"}));
  // Hà Giang merged into Tuyên Quang: the old district under the new province.
  auto ngoc_long = writer.Write(rng, links[8], TransitionStyle::kOldDistrictNewProvince);
  ASSERT_TRUE(ngoc_long);
  EXPECT_NE(ngoc_long->text.find("xã Ngọc Long, huyện Yên Minh, tỉnh Tuyên Quang"), std::string::npos);
  EXPECT_EQ(ngoc_long->ward_code, "00859");
  // Kon Tum merged into Quảng Ngãi: the new commune under the old province.
  auto mang_ri = writer.Write(rng, links[7], TransitionStyle::kNewWardOldProvince);
  ASSERT_TRUE(mang_ri);
  EXPECT_NE(mang_ri->text.find("xã Măng Ri, tỉnh Kon Tum"), std::string::npos);
  EXPECT_EQ(mang_ri->ward_code, "23446");
  // Hà Nội kept its name: no "new province" to write.
  EXPECT_FALSE(writer.Write(rng, links[1], TransitionStyle::kOldDistrictNewProvince));
}

TEST(Transition, GeneratedDossiersCarryTheStyleInTheirTruth) {
  const TransitionWriter writer(Units());
  GeneratorOptions o;
  o.transition_rate = 1;
  int written = 0;
  for (std::uint64_t seed = 1; seed < 40 && written < 2; ++seed) {
    const GeneratedDossier g = Generate(0, seed, Units(), Renderer(), o, &writer);
    const Address& a = g.dossier.person.address;
    if (g.dossier.doc_date < "2025-07-01") {
      EXPECT_TRUE(a.style.empty()) << "a document from before the reform is written in the old units";
      continue;
    }
    if (a.style.empty()) continue;  // the drawn style does not apply to its units
    ++written;
    const std::string truth = TruthJson(g, "x", 1, "mixed");
    EXPECT_NE(truth.find("\"style\":\"" + a.style + "\""), std::string::npos) << truth;
    EXPECT_NE(truth.find(a.text), std::string::npos);
  }
  EXPECT_EQ(written, 2);
}

TEST(Generator, IsDeterministic) {
  GeneratorOptions o;
  const GeneratedDossier a = Generate(0, 1234, Units(), Renderer(), o);
  const GeneratedDossier b = Generate(0, 1234, Units(), Renderer(), o);
  ASSERT_EQ(a.pages.size(), b.pages.size());
  EXPECT_EQ(TruthJson(a, "x", 1, "mixed"), TruthJson(b, "x", 1, "mixed"));
  for (size_t i = 0; i < a.pages.size(); ++i) EXPECT_EQ(cv::norm(a.pages[i].damaged, b.pages[i].damaged), 0.0);
  const GeneratedDossier c = Generate(0, 1235, Units(), Renderer(), o);
  EXPECT_NE(TruthJson(a, "x", 1, "mixed"), TruthJson(c, "x", 1, "mixed"));
}

// The rule in domain.md, written again independently of the generator.
bool IdAgrees(const std::string& id, const std::string& dob, const std::string& gender) {
  const int year = std::stoi(dob.substr(0, 4));
  const int digit = id[3] - '0';
  const int expected = (year >= 2000 ? 2 : 0) + (gender == "female" ? 1 : 0);
  return id.size() == 12 && digit == expected && id.substr(4, 2) == dob.substr(2, 2);
}

TEST(Generator, IdsAgreeWithBirthAndGenderUnlessMarkedInconsistent) {
  Rng rng(7);
  int inconsistent = 0;
  for (int i = 0; i < 200; ++i) {
    const Person p = MakePerson(rng, Units(), 0.3);
    EXPECT_EQ(IdAgrees(p.id_number, p.date_of_birth, p.gender), p.id_consistent)
        << p.id_number << " " << p.date_of_birth;
    inconsistent += !p.id_consistent;
  }
  EXPECT_GT(inconsistent, 30);
  EXPECT_LT(inconsistent, 90);
}

TEST(Generator, AddressesOfEveryKindWithTheirExpectedVerdict) {
  Rng rng(11);
  std::set<std::string> kinds;
  for (int i = 0; i < 300; ++i) {
    const Address a = MakeAddress(rng, Units());
    kinds.insert(a.kind);
    EXPECT_EQ(a.text.rfind(a.street, 0), 0u) << "the street part comes first, as written";
    const bool names_district = a.text.find("quận ") != std::string::npos || a.text.find("huyện ") != std::string::npos;
    if (a.kind == "current") {
      EXPECT_FALSE(names_district) << a.text;
      EXPECT_FALSE(a.ward_code.empty());
    } else {
      EXPECT_TRUE(names_district) << a.text;
      EXPECT_FALSE(a.old_commune_code.empty());
    }
    if (a.kind == "ambiguous") { EXPECT_GE(a.candidate_codes.size(), 2u) << a.text; }
    if (a.kind == "outdated") { EXPECT_FALSE(a.ward_code.empty()); }
    if (a.text.find("Phúc Xá, quận Ba Đình") != std::string::npos) {
      EXPECT_EQ(a.kind, "outdated");
      EXPECT_EQ(a.ward_code, "00097");
    }
    if (a.text.find("Yên Phụ, quận Tây Hồ") != std::string::npos) {
      EXPECT_EQ(a.kind, "ambiguous");
      EXPECT_EQ(a.candidate_codes, (std::vector<std::string>{"00097", "00103"}));
    }
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"current", "outdated", "ambiguous"}));
}

TEST(Damage, RotationAndResolutionTruthMatchThePixels) {
  cv::Mat page(3508, 2480, CV_8UC3, cv::Scalar(255, 255, 255));
  Damage d;
  d.rotation = 90;
  d.dpi = 200;
  Rng rng(1);
  const cv::Mat out = ApplyDamage(page, cv::Mat(), d, rng);
  EXPECT_EQ(out.cols, 2339);  // the page's height at 200 dpi, now across
  EXPECT_EQ(out.rows, 1653);
}

TEST(Damage, SkewTruthIsTheAngleHosoMeasures) {
  GeneratorOptions o;
  o.profile = "none";
  const GeneratedDossier g = Generate(0, 99, Units(), Renderer(), o);
  Damage d;
  d.skew = 0.3;  // 4.5 degrees
  Rng rng(2);
  cv::Mat gray;
  cv::cvtColor(ApplyDamage(g.pages[0].clean, cv::Mat(), d, rng), gray, cv::COLOR_BGR2GRAY);
  EXPECT_NEAR(hoso::EstimateSkew(gray, 300, {}).angle_deg, 15.0 * d.skew, 0.2);
}

TEST(Generator, TruthLinesAreWhatIsOnThePage) {
  auto engine = hoso::OcrEngine::Create({});
  ASSERT_TRUE(engine.ok());
  for (std::uint64_t seed : {3u, 4u}) {
    const GeneratedDossier g = Generate(0, seed, Units(), Renderer(), Undamaged());
    for (const auto& page : g.pages) {
      auto ocr = ReadDrawn(**engine, page);
      ASSERT_TRUE(ocr.ok());
      // Clean pages read almost perfectly only if the truth is what was drawn;
      // the stamp over the signer block costs a few characters.
      EXPECT_LT(hoso::CharacterErrorRate(TruthText(page), ocr->text), 0.06) << page.kind << "\n" << ocr->text;
    }
  }
}

// Fee receipts are printed in violet or blue as often as in black, some
// signed across in black pen (as real till receipts are): the print is the
// text, and is read, not dropped as a stamp's colour would be.
TEST(Generator, ReceiptsPrintedInColourAreRead) {
  auto engine = hoso::OcrEngine::Create({});
  ASSERT_TRUE(engine.ok());
  GeneratorOptions o = Undamaged();
  o.receipt_rate = 1;
  int coloured = 0;
  for (std::uint64_t seed = 1; seed < 40 && coloured < 3; ++seed) {
    const GeneratedDossier g = Generate(0, seed, Units(), Renderer(), o);
    for (const auto& page : g.pages) {
      if (page.kind != "receipt" || hoso::MeasureInk(page.clean, {}).coloured < 0.002) continue;
      ++coloured;
      bool dropped = true;
      hoso::InkGray(page.clean, {}, &dropped);
      EXPECT_FALSE(dropped) << "seed " << seed;
      auto ocr = ReadDrawn(**engine, page);
      ASSERT_TRUE(ocr.ok());
      EXPECT_LT(hoso::CharacterErrorRate(TruthText(page), ocr->text), 0.06) << "seed " << seed << "\n" << ocr->text;
    }
  }
  EXPECT_EQ(coloured, 3);
}

// Till receipts are printed as real ones are: capitals and digits in a
// monospaced type, with or without tone marks. Capitals stand on the line
// as tall above as below, so the ink cannot tell such a page's way up, and
// says so (a real receipt in capitals had 0.32 more of its marks below the
// line than above); the page is left as it came, and read.
TEST(Generator, TillReceiptsInCapitalsAreLeftUprightAndRead) {
  auto engine = hoso::OcrEngine::Create({});
  ASSERT_TRUE(engine.ok());
  GeneratorOptions o = Undamaged();
  o.receipt_rate = 1;
  const hoso::OrientationOptions orientation;
  hoso::CleanupOptions cleanup;
  int tills = 0;
  for (std::uint64_t seed = 1; seed < 60 && tills < 4; ++seed) {
    const GeneratedDossier g = Generate(0, seed, Units(), Renderer(), o);
    for (const auto& page : g.pages) {
      if (page.kind != "receipt" || Upper(TruthText(page)) != TruthText(page)) continue;  // a fee receipt
      ++tills;
      const cv::Mat gray = hoso::ToGray(page.clean);
      for (int turn : {0, 180}) {
        const hoso::OrientationEstimate est =
            hoso::EstimateOrientation(hoso::RotateClockwise(gray, turn), 300, orientation);
        EXPECT_LT(est.confidence, orientation.judge_below)
            << "seed " << seed << " turned " << turn << ": balance " << est.balance << ", net " << est.net_balance;
      }
      // With Tesseract's OSD as the judge, as hoso runs: left upright.
      auto clean = hoso::Clean(hoso::SourcePage{0, page.clean, 300, true}, cleanup, engine->get());
      ASSERT_TRUE(clean.ok());
      EXPECT_EQ(clean->rotation, 0) << "seed " << seed;
      auto ocr = (*engine)->ReadPage(clean->gray, clean->dpi);
      ASSERT_TRUE(ocr.ok());
      // Read the right way up: most of its words are there. (Not all: the
      // tone marks squeezed over monospaced capitals are read as quotes
      // beside them, "SÔ“" for "SỐ"; upside down, next to none would be.)
      EXPECT_GT(hoso::WordRecall(TruthText(page), ocr->text), 0.6) << "seed " << seed << "\n" << ocr->text;
    }
  }
  EXPECT_EQ(tills, 4);
}

// Photographed pages, upright or upside down, are never turned the wrong
// way: the ink is sure of a page's way up only where it is right (a desk or
// a shadow around the sheet is not a line of text), and a page it is unsure
// of stays as it came (OCR reads a page it reads poorly turned over too).
TEST(Generator, PhotographedPagesAreNeverTurnedTheWrongWay) {
  GeneratorOptions o;
  o.profile = "photo";
  o.blank_rate = 0;
  o.receipt_rate = 0.5;
  hoso::CleanupOptions cleanup;
  cleanup.orientation.ink_only = true;  // the ink's word alone, no judge
  int pages = 0, righted = 0;
  for (int i = 0; i < 6; ++i) {
    const GeneratedDossier g = Generate(i, 7300 + i, Units(), Renderer(), o);
    for (const auto& page : g.pages) {
      if (page.damage.rotation != 0) continue;
      for (int turn : {0, 180}) {
        auto clean = hoso::Clean(hoso::SourcePage{0, hoso::RotateClockwise(page.damaged, turn), 300, false}, cleanup);
        ASSERT_TRUE(clean.ok());
        const int now = (turn + clean->rotation) % 360;
        EXPECT_TRUE(now == 0 || (now == turn && clean->rotation == 0))
            << "dossier " << i << " " << page.kind << " turned " << turn << ": cleanup turned it " << clean->rotation;
        righted += turn == 180 && now == 0;
        pages += turn == 180;
      }
    }
  }
  EXPECT_GE(pages, 10);
  EXPECT_GE(righted, pages / 2) << "most photographed pages upside down are turned upright by the ink alone";
}

// The forms as their legal texts print them, drawn from the templates'
// "form" sections: the truth is what is on the page (OCR reads it back),
// and its fields are the ones the page prints: the birth form gives the
// child and both parents and no requester's phone; CT01 gives the ID in
// its boxes and the household head.
TEST(Generator, OfficialFormsAreDrawnAsTheirTextsPrintThem) {
  std::string error;
  const auto forms = LoadOfficialForms((hoso::test::SourceDir() / "models" / "doctypes").string(), &error);
  ASSERT_TRUE(forms.count("residence_change")) << error;
  ASSERT_TRUE(forms.count("birth_registration"));
  EXPECT_NE(forms.at("residence_change").source.find("66/2023/TT-BCA"), std::string::npos);
  auto engine = hoso::OcrEngine::Create({});
  ASSERT_TRUE(engine.ok());
  GeneratorOptions o = Undamaged();
  o.official_rate = 1;
  o.official = &forms;
  std::set<std::string> seen;
  for (std::uint64_t seed = 1; seed < 40 && seen.size() < 2; ++seed) {
    const GeneratedDossier g = Generate(0, seed, Units(), Renderer(), o);
    if (!g.official || seen.count(g.dossier.doc_type)) continue;
    seen.insert(g.dossier.doc_type);
    Poco::JSON::Parser parser;
    auto truth = parser.parse(TruthJson(g, "x.png", seed, "none")).extract<Poco::JSON::Object::Ptr>();
    auto fields = truth->getObject("fields");
    const std::string expected = TruthText(g.pages[0]);
    if (g.dossier.doc_type == "birth_registration") {
      EXPECT_TRUE(fields->has("child_name"));
      EXPECT_TRUE(fields->has("mother_name"));
      EXPECT_TRUE(fields->has("father_name"));
      EXPECT_FALSE(fields->has("phone")) << "the birth form asks for none";
      EXPECT_NE(expected.find("Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:"), std::string::npos);
    } else {
      EXPECT_TRUE(fields->has("household_head_name"));
      std::string spaced;  // a digit to a box
      for (char c : g.dossier.person.id_number) spaced += (spaced.empty() ? "" : " ") + std::string(1, c);
      EXPECT_NE(expected.find("4. Số định danh cá nhân: " + spaced), std::string::npos);
    }
    for (const auto& [key, value] : g.printed)
      if (key.find("name") != std::string::npos) {
        const std::string up = hoso::vn::MakeKey(value).Toned();
        EXPECT_NE(hoso::vn::MakeKey(expected).Toned().find(up), std::string::npos) << key << " " << value;
      }
    auto ocr = ReadDrawn(**engine, g.pages[0]);
    ASSERT_TRUE(ocr.ok());
    EXPECT_LT(hoso::CharacterErrorRate(expected, ocr->text), 0.06) << g.dossier.doc_type << "\n" << ocr->text;
  }
  EXPECT_EQ(seen.size(), 2u);
}

// Official documents (--letter-rate): the truth's lines are what is on the
// page, its header what the page prints; through cleanup, OCR and hoso's
// header reader every value comes back right, or — written in by hand —
// flagged for a person, never a wrong value nobody is asked about.
TEST(Generator, LettersReadBackAsTheArchiveRecordsThem) {
  auto engine = hoso::OcrEngine::Create({});
  ASSERT_TRUE(engine.ok());
  GeneratorOptions o = Undamaged();
  o.letter_rate = 1;
  std::set<std::string> kinds;
  int by_hand = 0;
  for (std::uint64_t seed = 11; seed < 17; ++seed) {
    const GeneratedDossier g = Generate(0, seed, Units(), Renderer(), o);
    ASSERT_TRUE(g.letter.has_value());
    ASSERT_EQ(g.pages.size(), 1u);
    const Letter& l = *g.letter;
    kinds.insert(l.kind);
    by_hand += l.number_by_hand || l.day_by_hand;
    Poco::JSON::Parser parser;
    auto truth = parser.parse(TruthJson(g, "x.png", seed, "none")).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(truth->getValue<std::string>("doc_type"), l.doc_type);
    EXPECT_EQ(truth->getObject("fields")->size(), 0u) << "no applicant";
    auto header = truth->getObject("header");
    ASSERT_TRUE(header);
    EXPECT_EQ(header->getValue<std::string>("number"), l.number);
    const std::string expected = TruthText(g.pages[0]);
    EXPECT_NE(expected.find("Số: " + l.number + "/" + l.symbol), std::string::npos) << expected;
    auto ocr = ReadDrawn(**engine, g.pages[0]);
    ASSERT_TRUE(ocr.ok());
    EXPECT_LT(hoso::CharacterErrorRate(expected, ocr->text), 0.06) << l.kind << "\n" << ocr->text;
    const auto read = hoso::ReadOfficialHeader(*ocr);
    ASSERT_TRUE(read.has_value()) << ocr->text;
    SCOPED_TRACE(ocr->text);
    EXPECT_EQ(read->kind, l.kind);
    EXPECT_EQ(read->doc_type, l.doc_type);
    EXPECT_EQ(read->symbol.value, l.symbol);
    EXPECT_EQ(read->issuer.value, l.issuer);
    EXPECT_EQ(read->issuer_parent.value, l.issuer_parent);
    EXPECT_LT(hoso::CharacterErrorRate(l.subject, read->subject.value), 0.05) << read->subject.value;
    const auto signer = hoso::ReadSigner(*ocr);
    ASSERT_TRUE(signer.has_value());
    EXPECT_EQ(signer->name.value, l.signer_name);
    EXPECT_EQ(header->getValue<std::string>("signer"), l.signer_name);
    if (read->number.value != l.number) {
      EXPECT_TRUE(l.number_by_hand && read->number_by_hand) << read->number.value << " for " << l.number;
    }
    if (read->date != l.date) {
      EXPECT_FALSE(read->date.has_value()) << "a wrong date: " << *read->date;
      EXPECT_TRUE(l.day_by_hand && read->day_by_hand);
    }
  }
  EXPECT_GE(kinds.size(), 2u) << "more than one kind of document";
  EXPECT_GE(by_hand, 1) << "some numbers or days written in by hand";
}

TEST(Generator, TruthJsonCarriesTheContractKeys) {
  const GeneratedDossier g = Generate(2, 5, Units(), Renderer(), GeneratorOptions{});
  Poco::JSON::Parser parser;
  auto t = parser.parse(TruthJson(g, "dossier-0003.pdf", 5, "mixed")).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(t->getValue<std::string>("file"), "dossier-0003.pdf");
  auto fields = t->getObject("fields");
  for (const char* k : {"full_name", "date_of_birth", "gender", "id_number", "permanent_address"})
    EXPECT_TRUE(fields->has(k)) << k;
  EXPECT_EQ(t->getArray("pages")->size(), g.pages.size());
  const std::string gender = fields->getValue<std::string>("gender");
  EXPECT_TRUE(gender == "male" || gender == "female");
}

// The photo and fax profiles look like what real capture makes, the files
// say what real files say (a phone's JPEG no resolution, a fax 1 bit), and
// hoso calls none of their written pages blank.
TEST(Generator, PhotoAndFaxPagesAreReadNotCalledBlank) {
  hoso::test::ScratchDir dir;
  for (const std::string profile : {"photo", "fax"}) {
    GeneratorOptions o;
    o.profile = profile;
    o.blank_rate = 0.5;
    o.receipt_rate = 0.5;
    int written = 0, blanks = 0, receipts = 0;
    for (int i = 0; i < 6; ++i) {
      const GeneratedDossier g = Generate(i, 700 + i, Units(), Renderer(), o);
      EXPECT_TRUE(profile == "photo" ? g.format == "jpeg" || g.format == "pdf"
                                     : g.format == "tiff" || g.format == "pdf");
      std::vector<OutPage> pages;
      for (const auto& p : g.pages) pages.push_back({p.damaged, p.damage.photo ? 0 : p.damage.dpi, p.damage.bilevel});
      const auto file = dir / (profile + std::to_string(i) + Extension(g.format));
      ASSERT_TRUE(WritePages(file.string(), g.format, pages, g.jpeg_quality));
      auto doc = hoso::OpenDocument(hoso::test::ReadFile(file), {});
      ASSERT_TRUE(doc.ok()) << doc.status().ToString();
      for (int k = 0; k < (*doc)->page_count(); ++k) {
        auto page = (*doc)->LoadPage(k);
        ASSERT_TRUE(page.ok());
        if (profile == "photo" && g.format == "jpeg") {
          EXPECT_FALSE(page->dpi_from_file) << "a phone states no resolution";
        }
        if (profile == "fax") {
          EXPECT_EQ(page->dpi, 200);
          cv::Mat grey = hoso::ToGray(page->image), mid;
          cv::inRange(grey, 1, 254, mid);
          EXPECT_LT(cv::countNonZero(mid), grey.total() / 100) << "bi-level";
        }
        auto clean = hoso::Clean(*page, {});
        ASSERT_TRUE(clean.ok());
        const bool truth_blank = g.pages[static_cast<size_t>(k)].kind == "blank";
        EXPECT_EQ(clean->blank, truth_blank) << profile << " dossier " << i << " page " << k + 1;
        blanks += truth_blank;
        ++written;
        if (g.pages[static_cast<size_t>(k)].kind == "receipt") {
          ++receipts;
          // A till strip: a few short lines of small type on a narrow page.
          EXPECT_LT(page->image.cols * 2, page->image.rows) << profile << " dossier " << i;
        }
      }
    }
    EXPECT_GT(written, blanks);
    EXPECT_GT(receipts, 0) << profile;
  }
}

}  // namespace
}  // namespace samplegen
