#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/hoso_run.h"
#include "core/utf8.h"
#include "registry/registry.h"
#include "support/records.h"
#include "support/test_support.h"

namespace hoso {
namespace {

int Lines(const std::string& s) {
  std::istringstream in(s);
  int n = 0;
  for (std::string line; std::getline(in, line);) n += !line.empty();
  return n;
}

// The cells of a CSV line (RFC 4180 quoting), or of a tab-separated one.
std::vector<std::string> Cells(const std::string& line, char sep) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      out.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == sep && !quoted) {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

std::map<std::string, std::string> RowOf(const std::string& csv, const std::string& id, char sep = ',') {
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  const auto header = Cells(line, sep);
  while (std::getline(in, line)) {
    const auto cells = Cells(line, sep);
    if (cells.empty() || cells[0] != id) continue;
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < header.size() && i < cells.size(); ++i) row[header[i]] = cells[i];
    return row;
  }
  return {};
}

TEST(HosoExport, CsvAndJsonLinesOfTheRegisteredDossiers) {
  test::ScratchDir dir;
  const std::string db = (dir / "r.db").string();
  ASSERT_EQ(test::Hoso("process --quiet --intake-point 'Điểm tiếp nhận số 2' --db " + db + " --as-of 2026-01-01 " +
                       test::SamplesDir().string())
                .exit_code,
            0);
  const auto csv = test::Hoso("export --db " + db + " --format csv", false);
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_EQ(Lines(csv.out), 9) << csv.out;  // header + 8 dossiers
  EXPECT_EQ(csv.out.rfind("dossier_id,source,sha256,intake_point,received_at,status,status_reason,reviewer,decided_at,"
                          "doc_type,doc_date,full_name,",
                          0),
            0u)
      << csv.out;
  // Where and when each was taken in (Vietnam time).
  const auto first = RowOf(csv.out, "1");
  EXPECT_EQ(first.at("intake_point"), "Điểm tiếp nhận số 2");
  EXPECT_EQ(first.at("received_at").substr(19), "+07:00") << first.at("received_at");
  // Addresses hold commas: quoted; the first sample's, as the registry has it.
  EXPECT_NE(csv.out.find(",\"thôn 7, xã Dị Nậu, huyện Tam Nông, tỉnh Phú Thọ\","), std::string::npos) << csv.out;
  const auto all = test::Hoso("export --db " + db, false);
  const auto review = test::Hoso("export --db " + db + " --status needs_review", false);
  const auto registered = test::Hoso("export --db " + db + " --status registered", false);
  EXPECT_EQ(Lines(all.out), 8);
  EXPECT_EQ(Lines(review.out) + Lines(registered.out), 8);
  EXPECT_NE(review.out.find("\"status\":\"needs_review\""), std::string::npos);
  EXPECT_EQ(review.out.find("\"status\":\"registered\""), std::string::npos);
  EXPECT_EQ(Lines(test::Hoso("export --db " + db + " --since 2999-01-01", false).out), 0);
  EXPECT_EQ(test::Hoso("export --db " + db + " --format xml").exit_code, 2);
  // Masked: the first sample's name and ID number are not in it, its initials are.
  const auto masked = test::Hoso("export --db " + db + " --format csv --mask", false);
  EXPECT_EQ(Lines(masked.out), 9);
  EXPECT_EQ(masked.out.find("Đỗ Công Hiếu"), std::string::npos);
  EXPECT_EQ(masked.out.find("024097336917"), std::string::npos);
  EXPECT_NE(csv.out.find("024097336917"), std::string::npos) << "unmasked, it is there";
  EXPECT_NE(masked.out.find("0240"), std::string::npos);
  const auto masked_json = test::Hoso("export --db " + db + " --mask", false);
  EXPECT_EQ(masked_json.out.find("Đỗ Công Hiếu"), std::string::npos) << "nor in the page text";
}

// UTF-16LE (Excel's) back to UTF-8, for the test to read.
std::string FromUtf16Le(const std::string& bytes) {
  std::string out;
  for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
    unsigned cp = static_cast<unsigned char>(bytes[i]) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
    if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < bytes.size()) {
      const unsigned low = static_cast<unsigned char>(bytes[i + 2]) | (static_cast<unsigned char>(bytes[i + 3]) << 8);
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    }
    AppendUtf8(static_cast<char32_t>(cp), out);
  }
  return out;
}

// Why each dossier is where it is, who decided and when (Vietnam time),
// and the forms' own fields as columns; --excel as Excel reads it.
TEST(HosoExport, TheCsvSaysWhyWhoWhenAndTheFormsFields) {
  test::ScratchDir dir;
  const std::string db = (dir / "r.db").string();
  ASSERT_EQ(test::Hoso("process --quiet --db " + db + " --as-of 2026-01-01 " + test::SamplesDir().string()).exit_code,
            0);
  std::int64_t waiting = 0, decided = 0;
  {
    auto reg = Registry::Open(db);
    ASSERT_TRUE(reg.ok());
    auto queue = (*reg)->ReviewQueue();
    ASSERT_TRUE(queue.ok());
    ASSERT_GE(queue->dossiers.size(), 2u) << "the samples send some dossiers to review";
    waiting = queue->dossiers.front().id;
    decided = queue->dossiers.back().id;
    ASSERT_TRUE((*reg)->Decide(decided, DossierStatus::kRegistered, "đã đối chiếu với CCCD", "lan").ok());
  }
  const auto csv = test::Hoso("export --db " + db + " --format csv", false);
  ASSERT_EQ(csv.exit_code, 0);
  const auto approved = RowOf(csv.out, std::to_string(decided));
  EXPECT_EQ(approved.at("status"), "registered");
  EXPECT_EQ(approved.at("reviewer"), "lan");
  EXPECT_EQ(approved.at("status_reason"), "đã đối chiếu với CCCD");
  EXPECT_EQ(approved.at("decided_at").size(), 25u) << approved.at("decided_at");
  EXPECT_EQ(approved.at("decided_at").substr(19), "+07:00");
  const auto open = RowOf(csv.out, std::to_string(waiting));
  EXPECT_EQ(open.at("status"), "needs_review");
  EXPECT_EQ(open.at("reviewer"), "");
  EXPECT_FALSE(open.at("status_reason").empty()) << "the flags that sent it to review";
  EXPECT_NE(open.at("flags").find(open.at("status_reason").substr(0, open.at("status_reason").find(';'))),
            std::string::npos);
  // The land form's own fields: a column each.
  EXPECT_NE(csv.out.substr(0, csv.out.find('\n')).find(",parcel_number"), std::string::npos);
  EXPECT_NE(csv.out.find("Đỗ Công Hiếu"), std::string::npos);
  // Excel's: UTF-16LE with its byte-order mark, tab-separated, the same rows.
  const auto excel = test::Hoso("export --db " + db + " --format csv --excel", false);
  ASSERT_EQ(excel.exit_code, 0);
  ASSERT_GE(excel.out.size(), 2u);
  EXPECT_EQ(excel.out.substr(0, 2), std::string("\xFF\xFE"));
  const std::string text = FromUtf16Le(excel.out.substr(2));
  EXPECT_NE(text.find("Đỗ Công Hiếu"), std::string::npos);
  const auto excel_row = RowOf(text, std::to_string(decided), '\t');
  EXPECT_EQ(excel_row.at("reviewer"), "lan");
  EXPECT_EQ(excel_row.at("full_name"), approved.at("full_name"));
  EXPECT_EQ(excel_row.at("permanent_address"), approved.at("permanent_address")) << "commas inside a cell";
  EXPECT_EQ(test::Hoso("export --db " + db + " --excel").exit_code, 2) << "Excel's is a CSV";
}

// An official letter's archive fields are columns of their own; its date is
// the dossier's column, once.
TEST(HosoExport, AnOfficialDocumentsFieldsAreColumnsAndItsDateIsOne) {
  test::ScratchDir dir;
  const std::string db = (dir / "r.db").string();
  {
    auto reg = Registry::Open(db);
    ASSERT_TRUE(reg.ok());
    DossierRecord r;
    r.source = (dir / "letter.pdf").string();
    r.sha256 = std::string(64, 'c');
    r.status = DossierStatus::kRegistered;
    r.doc_type = "official_letter";
    r.doc_date = "2019-05-31";
    r.pages.push_back(test::A4Page(0, "UBND THÀNH PHỐ ĐÀ NẴNG"));
    r.fields["doc_date"] = FieldValue{"2019-05-31", 1.0, 0, Box{}};
    r.fields["doc_number"] = FieldValue{"1535", 1.0, 0, Box{}};
    r.fields["doc_symbol"] = FieldValue{"SGDĐT-CTrTT", 0.9, 0, Box{}};
    r.fields["issuer"] = FieldValue{"Sở Giáo dục và Đào tạo", 0.9, 0, Box{}};
    ASSERT_TRUE((*reg)->Register(r).ok());
  }
  const auto csv = test::Hoso("export --db " + db + " --format csv", false);
  ASSERT_EQ(csv.exit_code, 0);
  const std::string header = csv.out.substr(0, csv.out.find('\n'));
  EXPECT_EQ(header.find(",doc_date"), header.rfind(",doc_date")) << header;
  const auto row = RowOf(csv.out, "1");
  EXPECT_EQ(row.at("doc_type"), "official_letter");
  EXPECT_EQ(row.at("doc_date"), "2019-05-31");
  EXPECT_EQ(row.at("doc_number"), "1535");
  EXPECT_EQ(row.at("doc_symbol"), "SGDĐT-CTrTT");
  EXPECT_EQ(row.at("issuer"), "Sở Giáo dục và Đào tạo");
}

}  // namespace
}  // namespace hoso
