#include "letters.h"

#include <opencv2/imgproc.hpp>

#include <cstdio>

#include "drawing.h"
#include "forms.h"

namespace samplegen {

namespace {

struct Body {
  const char* caps;     // as printed
  const char* running;  // as written in running text
  const char* abbreviation;
};

// A province's departments and, before the reform, a district's offices.
const std::vector<Body> kDepartments = {
    {"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo", "SGDĐT"},
    {"SỞ Y TẾ", "Sở Y tế", "SYT"},
    {"SỞ TÀI CHÍNH", "Sở Tài chính", "STC"},
    {"SỞ XÂY DỰNG", "Sở Xây dựng", "SXD"},
    {"SỞ NỘI VỤ", "Sở Nội vụ", "SNV"},
    {"SỞ TƯ PHÁP", "Sở Tư pháp", "STP"},
    {"SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Sở Khoa học và Công nghệ", "SKHCN"},
    {"SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"},
    {"SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Sở Nông nghiệp và Môi trường", "SNNMT"},
};
const std::vector<Body> kOffices = {
    {"PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Phòng Tài nguyên và Môi trường", "TNMT"},
    {"PHÒNG TƯ PHÁP", "Phòng Tư pháp", "TP"},
    {"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Phòng Giáo dục và Đào tạo", "GDĐT"},
    {"PHÒNG TÀI CHÍNH - KẾ HOẠCH", "Phòng Tài chính - Kế hoạch", "TCKH"},
    {"PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Phòng Lao động - Thương binh và Xã hội", "LĐTBXH"},
    {"PHÒNG VĂN HÓA VÀ THÔNG TIN", "Phòng Văn hóa và Thông tin", "VHTT"},
};

struct KindSpec {
  const char* kind;
  const char* doc_type;
  const char* abbreviation;  // "" for công văn
  double weight;
};
const std::vector<KindSpec> kKinds = {
    {"công văn", "official_letter", "", 0.5}, {"quyết định", "decision", "QĐ", 0.2},
    {"thông báo", "notice", "TB", 0.1},       {"kế hoạch", "plan", "KH", 0.07},
    {"tờ trình", "submission", "TTr", 0.05},  {"báo cáo", "report", "BC", 0.05},
    {"giấy mời", "invitation", "GM", 0.03},
};

// Subjects, as archives record them (the lead word aside).
const std::vector<std::string> kLetterSubjects = {
    "tăng cường công tác phòng, chống dịch bệnh mùa mưa bão",
    "rà soát hộ nghèo, hộ cận nghèo năm {year}",
    "triển khai thực hiện chuyển đổi số trong giải quyết thủ tục hành chính",
    "bảo đảm trật tự an toàn giao thông trong dịp nghỉ lễ",
    "cung cấp thông tin phục vụ công tác thống kê đất đai",
    "đôn đốc nộp báo cáo tình hình thực hiện nhiệm vụ quý {quarter} năm {year}",
    "góp ý dự thảo quy chế làm việc",
    "tổ chức các hoạt động chào mừng ngày thành lập",
    "chấn chỉnh việc tiếp nhận và trả kết quả hồ sơ",
    "phối hợp kiểm tra an toàn thực phẩm trên địa bàn",
};
const std::vector<std::string> kDecisionSubjects = {
    "thành lập Tổ công tác cải cách thủ tục hành chính",
    "phê duyệt kế hoạch sử dụng đất năm {year}",
    "khen thưởng các tập thể, cá nhân có thành tích xuất sắc",
    "ban hành Quy chế làm việc của bộ phận một cửa",
    "cấp giấy phép xây dựng nhà ở riêng lẻ",
    "giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm {year}",
};
const std::vector<std::string> kOtherSubjects = {
    "kết quả thực hiện nhiệm vụ năm {year} và phương hướng năm {next}",
    "tổ chức hội nghị tổng kết công tác năm {year}",
    "triển khai công tác phòng cháy, chữa cháy",
    "lịch tiếp công dân tháng {month} năm {year}",
};
const std::vector<std::string> kSentences = {
    "Thực hiện chỉ đạo của cấp trên, đề nghị các đơn vị khẩn trương triển khai thực hiện các nội dung sau đây.",
    "Các cơ quan, đơn vị có trách nhiệm phối hợp chặt chẽ, bảo đảm tiến độ và chất lượng công việc được giao.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh kịp thời để được hướng dẫn.",
    "Tổng hợp kết quả thực hiện và báo cáo bằng văn bản trước ngày 25 hằng tháng.",
    "Tăng cường công tác tuyên truyền, phổ biến đến cán bộ, công chức và Nhân dân trên địa bàn.",
    "Kinh phí thực hiện được bố trí từ nguồn ngân sách nhà nước theo phân cấp hiện hành.",
    "Giao Văn phòng theo dõi, đôn đốc, kiểm tra việc thực hiện và tổng hợp báo cáo kết quả.",
};

// "Thành phố Hà Nội" -> "Hà Nội"; "Tỉnh Bắc Ninh" -> "Bắc Ninh"; "Phường 5" stays.
std::string PlaceName(const std::string& unit) {
  for (const char* w : {"Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Thị trấn ", "Thị Trấn ", "Đặc khu ", "Quận ",
                        "Huyện ", "Thị xã ", "Thị Xã "}) {
    const std::string p = w;
    if (unit.rfind(p, 0) == 0) {
      const std::string rest = unit.substr(p.size());
      if (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest[0]))) return unit;
      return rest;
    }
  }
  return unit;
}

}  // namespace

Letter MakeLetter(Rng& rng, const UnitTable& units) {
  Letter l;
  double pick = rng.Uniform(0, 1);
  const KindSpec* kind = &kKinds.back();
  for (const KindSpec& k : kKinds)
    if ((pick -= k.weight) < 0) {
      kind = &k;
      break;
    }
  l.kind = kind->kind;
  l.doc_type = kind->doc_type;
  const int year = rng.Int(2016, 2026), month = rng.Int(1, year == 2026 ? 11 : 12), day = rng.Int(1, 28);
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
  l.date = iso;
  const bool before_reform = l.date < "2025-07-01";
  const UnitLink& link = units.links[rng.Next() % units.links.size()];
  // Who issues it: a commune's People's Committee, a district office (only
  // before the reform: district level ended on 1 July 2025), a department.
  const int level = rng.Int(0, before_reform ? 2 : 1);
  std::string abbreviation;
  const auto province_line = [&](const std::string& province, bool abbreviated) {
    return std::make_pair(Upper((abbreviated ? "UBND " : "Ủy ban nhân dân ") + ToLowerUnitWord(province)),
                          (abbreviated ? "UBND " : "Ủy ban nhân dân ") + ToLowerUnitWord(province));
  };
  if (level == 0) {
    const std::string commune = before_reform ? link.old_commune : link.new_commune;
    l.place = PlaceName(commune);
    if (rng.Chance(0.7)) {
      l.issuer_lines = {"ỦY BAN NHÂN DÂN", Upper(commune)};
      l.issuer = "Ủy ban nhân dân " + ToLowerUnitWord(commune);
    } else {
      l.issuer_lines = {Upper("UBND " + ToLowerUnitWord(commune))};
      l.issuer = "UBND " + ToLowerUnitWord(commune);
    }
    l.stamp = Upper("Ủy ban nhân dân " + ToLowerUnitWord(commune));
    abbreviation = "UBND";
    l.authority = Upper("Chủ tịch Ủy ban nhân dân " + ToLowerUnitWord(commune));
    l.signer = {"TM. ỦY BAN NHÂN DÂN", rng.Chance(0.5) ? "CHỦ TỊCH" : "KT. CHỦ TỊCH"};
    if (l.signer[1] == "KT. CHỦ TỊCH") l.signer = {"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"};
  } else {
    const bool office = level == 2;
    const Body& body = office ? rng.Pick(kOffices) : rng.Pick(kDepartments);
    const std::string parent_unit =
        office ? link.old_district : (before_reform ? link.old_province : link.new_province);
    const auto [caps, running] = province_line(parent_unit, rng.Chance(0.6));
    l.parent_line = caps;
    l.issuer_parent = running;
    l.issuer_lines = {body.caps};
    l.issuer = body.running;
    // The place is where the body sits: its district, or its province.
    l.place = PlaceName(office ? link.old_district : before_reform ? link.old_province : link.new_province);
    l.stamp = body.caps;
    abbreviation = body.abbreviation;
    const std::string head = office ? "TRƯỞNG PHÒNG" : "GIÁM ĐỐC";
    l.authority = office ? "TRƯỞNG " + std::string(body.caps) : head + " " + std::string(body.caps);
    l.signer =
        rng.Chance(0.5) ? std::vector<std::string>{head} : std::vector<std::string>{"KT. " + head, "PHÓ " + head};
  }
  l.number = std::to_string(rng.Chance(0.6) ? rng.Int(1, 999) : rng.Int(1000, 4999));
  static const std::vector<std::string> kDivisions = {"VP", "KHTC", "TCCB", "QLĐT", "VHXH", "KT"};
  l.symbol = *kind->abbreviation ? std::string(kind->abbreviation) + "-" + abbreviation
                                 : abbreviation + "-" + rng.Pick(kDivisions);
  const std::map<std::string, std::string> values = {{"year", std::to_string(year)},
                                                     {"next", std::to_string(year + 1)},
                                                     {"quarter", std::to_string(rng.Int(1, 4))},
                                                     {"month", std::to_string(month)}};
  if (l.kind == "công văn") {
    l.subject = Fill(rng.Pick(kLetterSubjects), values);
    l.subject_lead = "V/v";
    l.recipients = {"- Các phòng, ban, đơn vị trực thuộc;", "- Ủy ban nhân dân các phường, xã."};
  } else if (l.kind == "quyết định") {
    l.subject = Fill(rng.Pick(kDecisionSubjects), values);
    l.subject_lead = "Về việc";
  } else {
    l.subject = Fill(rng.Pick(kOtherSubjects), values);
    l.subject_lead = rng.Chance(0.5) ? "Về việc" : "";
    if (l.subject_lead.empty()) l.subject = Upper(l.subject.substr(0, 1)) + l.subject.substr(1);  // ASCII first letters
  }
  std::vector<std::string> sentences = kSentences;  // two to four, none twice
  for (int i = rng.Int(2, 4); i > 0; --i) {
    const size_t at = rng.Next() % sentences.size();
    l.body.push_back(sentences[at]);
    sentences.erase(sentences.begin() + static_cast<std::ptrdiff_t>(at));
  }
  static const std::vector<std::string> kNames = {"Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Minh Tuấn", "Phạm Quốc Bảo",
                                                  "Hoàng Thị Lan",   "Vũ Đức Thắng", "Đặng Thu Hà"};
  l.signer_name = rng.Pick(kNames);
  l.number_by_hand = rng.Chance(0.35);
  l.day_by_hand = rng.Chance(0.25);
  return l;
}

namespace {

// Digits written into a printed blank with a ballpoint: blue, slanted,
// larger than the type, off its baseline.
void HandDigits(Page& page, Fonts& fonts, const std::string& digits, int x, int y, int height, Rng& rng) {
  Style hand{fonts.italic.get(), static_cast<int>(height * rng.Uniform(1.1, 1.35))};
  const cv::Scalar ink(150, 60, 20);
  int at = x;
  for (char c : digits) {
    const std::string d(1, c);
    page.Draw(hand, d, at, y + rng.Int(-height / 8, height / 6), ink);
    at += page.TextWidth(hand, d) + rng.Int(0, height / 8);
  }
}

}  // namespace

RenderedPage FormRenderer::RenderLetter(const Letter& l, Rng& rng) {
  const int W = 2480, H = 3508;
  Page page(*fonts_, W, H);
  const int left = Pt(rng.Uniform(70, 85)), right = W - Pt(rng.Uniform(42, 55));
  const double size = rng.Uniform(13, 14);
  Style body{fonts_->regular.get(), Pt(size)}, bold{fonts_->bold.get(), Pt(size)},
      italic{fonts_->italic.get(), Pt(size)}, header{fonts_->regular.get(), Pt(size - 1)},
      header_bold{fonts_->bold.get(), Pt(size - 1)}, small{fonts_->regular.get(), Pt(11)},
      small_bold{fonts_->bold.get(), Pt(12)}, title{fonts_->bold.get(), Pt(size + 1)};
  const int split = left + (right - left) * 2 / 5;  // the columns: bodies | motto
  const int top = Pt(rng.Uniform(40, 55));
  const int row = static_cast<int>(header.height * 1.45);
  auto centred = [&](const Style& s, const std::string& t, int x0, int x1, int y) {
    page.Draw(s, t, (x0 + x1 - page.TextWidth(s, t)) / 2, y);
    page.lines().push_back(t);
  };
  // Left column: parent, issuer (underlined), number, a công văn's subject.
  int y = top + header.height;
  // A name too long for the column goes over two lines, broken at the
  // space nearest its middle.
  const auto fit = [&](const Style& s, const std::string& n) {
    // (Centred on the column, it must end clear of the motto's column.)
    if (page.TextWidth(s, n) <= split - left - Pt(4)) return std::vector<std::string>{n};
    size_t cut = n.rfind(' ', n.size() / 2);
    if (cut == std::string::npos) cut = n.find(' ');
    return std::vector<std::string>{n.substr(0, cut), n.substr(cut + 1)};
  };
  if (!l.parent_line.empty())
    for (const std::string& line : fit(header, l.parent_line)) {
      centred(header, line, left - Pt(20), split, y);
      y += row;
    }
  std::vector<std::string> issuer = l.issuer_lines;
  if (issuer.size() == 1) issuer = fit(header_bold, issuer[0]);
  int underline = 0;
  for (const std::string& line : issuer) {
    centred(header_bold, line, left - Pt(20), split, y);
    underline = std::max(underline, page.TextWidth(header_bold, line));
    y += row;
  }
  const int centre = (left - Pt(20) + split) / 2;
  // The rule under the last line, as the motto's (drawn a line's pitch below its top).
  const int rule = y - Pt(2);
  cv::line(page.image(), {centre - underline / 6, rule}, {centre + underline / 6, rule}, cv::Scalar(20, 20, 20), 3);
  y += Pt(10);
  const std::string number_line = "Số: " + l.number + "/" + l.symbol;
  if (l.number_by_hand) {
    // "Số:" and a blank before the symbol, the number written into it.
    const std::string blank = "Số:              /" + l.symbol;
    const int x = centre - page.TextWidth(body, blank) / 2;
    page.Draw(body, blank, x, y);
    page.lines().push_back(number_line);
    HandDigits(page, *fonts_, l.number, x + page.TextWidth(body, "Số: ") + Pt(6), y, body.height, rng);
  } else {
    centred(body, number_line, left - Pt(20), split, y);
  }
  y += row;
  if (l.kind == "công văn") {
    // "V/v ..." wrapped to the column, centred under the number.
    std::vector<std::string> lines;
    std::string cur = l.subject_lead, word;
    for (const char c : l.subject + " ") {
      if (c != ' ') {
        word += c;
        continue;
      }
      if (word.empty()) continue;
      if (page.TextWidth(header, cur + " " + word) > split - left) {
        lines.push_back(cur);
        cur = word;
      } else {
        cur += " " + word;
      }
      word.clear();
    }
    lines.push_back(cur);
    for (const std::string& t : lines) {
      centred(header, t, left - Pt(20), split, y);
      y += row;
    }
  }
  const int left_bottom = y;
  // Right column: the motto, then place and date.
  page.set_y(top + header.height);
  DrawMotto(page, header_bold, split + Pt(10), right);
  page.set_y(page.y() - Pt(22) + Pt(8));
  int yy, mm, dd;
  std::sscanf(l.date.c_str(), "%d-%d-%d", &yy, &mm, &dd);
  char date_line[160];
  std::snprintf(date_line, sizeof date_line, "%s, ngày %d tháng %d năm %d", l.place.c_str(), dd, mm, yy);
  if (l.day_by_hand) {
    char blank[160];
    std::snprintf(blank, sizeof blank, "%s, ngày            tháng %d năm %d", l.place.c_str(), mm, yy);
    const int x = (split + Pt(10) + right - page.TextWidth(italic, blank)) / 2;
    page.Draw(italic, blank, x, page.y());
    page.lines().push_back(date_line);
    HandDigits(page, *fonts_, std::to_string(dd), x + page.TextWidth(italic, l.place + ", ngày ") + Pt(8), page.y(),
               italic.height, rng);
  } else {
    centred(italic, date_line, split + Pt(10), right, page.y());
  }
  page.set_y(std::max(left_bottom, page.y() + row) + Pt(24));
  // The kind in capitals and the subject under it.
  if (l.kind != "công văn") {
    page.Line(title, Upper(l.kind), left, right, 1);
    const std::string printed = l.subject_lead.empty() ? l.subject : l.subject_lead + " " + l.subject;
    page.Paragraph(bold, printed, left + Pt(60), right - Pt(60), 0);
    cv::line(page.image(), {(left + right) / 2 - Pt(50), page.y() - Pt(2)},
             {(left + right) / 2 + Pt(50), page.y() - Pt(2)}, cv::Scalar(20, 20, 20), 3);
    page.Skip(Pt(12));
    if (l.kind == "quyết định") {
      page.Paragraph(title, l.authority, left + Pt(20), right - Pt(20), 0);
      page.Skip(Pt(6));
      page.Paragraph(italic, "Căn cứ Luật Tổ chức chính quyền địa phương;", left, right, Pt(36));
      page.Paragraph(italic, "Theo đề nghị của Chánh Văn phòng.", left, right, Pt(36));
      page.Line(title, "QUYẾT ĐỊNH:", left, right, 1);
    }
  } else {
    page.Skip(Pt(6));
    page.Line(body, "Kính gửi:", left + Pt(150), right, 0);
    for (const std::string& r : l.recipients) page.Line(body, r, left + Pt(250), right, 0);
    page.Skip(Pt(8));
  }
  for (size_t i = 0; i < l.body.size(); ++i) {
    const std::string lead = l.kind == "quyết định" ? "Điều " + std::to_string(i + 1) + ". " : "";
    page.Paragraph(body, lead + l.body[i], left, right, Pt(36));
  }
  page.Paragraph(body, "Đề nghị các đơn vị nghiêm túc thực hiện./.", left, right, Pt(36));
  page.Skip(Pt(20));
  // "Nơi nhận:" on the left beside the signer on the right; the truth reads
  // the recipients, then the signer.
  const int sign_top = page.y();
  const int sign_left = left + (right - left) / 2;
  int ly = sign_top + small_bold.height;
  page.Draw(Style{fonts_->italic.get(), small_bold.height}, "Nơi nhận:", left, ly);
  page.lines().push_back("Nơi nhận:");
  for (const std::string& r : {std::string("- Như trên;"), std::string("- Lưu: VT.")}) {
    ly += static_cast<int>(small.height * 1.4);
    page.Draw(small, r, left, ly);
    page.lines().push_back(r);
  }
  int sy = sign_top + bold.height;
  for (const std::string& s : l.signer) {
    centred(bold, s, sign_left, right, sy);
    sy += static_cast<int>(bold.height * 1.45);
  }
  DrawSignature(page.image(), {(sign_left + right) / 2 - Pt(40), sy + Pt(30)}, rng);
  if (rng.Chance(0.85))
    DrawStamp(*fonts_, page.image(), {(sign_left + right) / 2 - Pt(70) + rng.Int(-Pt(20), Pt(20)), sy + Pt(20)},
              l.stamp, rng);
  sy += Pt(85);
  centred(bold, l.signer_name, sign_left, right, sy);
  return RenderedPage{page.image(), page.lines(), {}};
}

}  // namespace samplegen
