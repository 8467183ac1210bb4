#include "forms.h"

#include "address_styles.h"
#include "drawing.h"

#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <functional>
#include <cstdio>

namespace samplegen {

namespace {

const char* kFontDir = "/usr/share/fonts/truetype/";

std::string DateSlash(const std::string& iso, Rng& rng) {
  int y, m, d;
  std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d);
  char buf[32];
  if (rng.Chance(0.7))
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d, m, y);
  else
    std::snprintf(buf, sizeof buf, "%d-%d-%04d", d, m, y);
  return buf;
}

std::string GroupedId(const std::string& id, Rng& rng) {
  if (rng.Chance(0.7)) return id;
  return id.substr(0, 3) + " " + id.substr(3, 3) + " " + id.substr(6, 3) + " " + id.substr(9);
}

std::string GroupedPhone(const std::string& p, Rng& rng) {
  const int r = rng.Int(0, 2);
  if (r == 0) return p;
  if (r == 1) return p.substr(0, 4) + " " + p.substr(4, 3) + " " + p.substr(7);
  return p.substr(0, 4) + "." + p.substr(4, 3) + "." + p.substr(7);
}

struct FormText {
  std::string title;
  std::vector<std::string> title_lines;
  std::string signer;  // "NGƯỜI LÀM ĐƠN"
};

FormText TextFor(const std::string& type) {
  if (type == "land_registration") return {"", {"ĐƠN ĐĂNG KÝ ĐẤT ĐAI, TÀI SẢN", "GẮN LIỀN VỚI ĐẤT"}, "NGƯỜI VIẾT ĐƠN"};
  if (type == "business_household_registration")
    return {"", {"GIẤY ĐỀ NGHỊ", "ĐĂNG KÝ HỘ KINH DOANH"}, "NGƯỜI ĐỀ NGHỊ"};
  if (type == "residence_change") return {"", {"TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ"}, "NGƯỜI KÊ KHAI"};
  return {"", {"TỜ KHAI ĐĂNG KÝ KHAI SINH"}, "NGƯỜI YÊU CẦU"};
}

}  // namespace

Dossier MakeDossier(const std::string& doc_type, Person person, Rng& rng) {
  Dossier d;
  d.doc_type = doc_type;
  d.person = std::move(person);
  const int y = rng.Int(2024, 2026), m = rng.Int(1, 12), day = rng.Int(1, 28);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, day);
  d.doc_date = buf;
  static const std::vector<std::string> kPlaces = {"Hà Nội",  "TP. Hồ Chí Minh", "Hải Phòng",
                                                   "Đà Nẵng", "Cần Thơ",         "Huế"};
  d.place = rng.Pick(kPlaces);
  if (doc_type == "land_registration") {
    d.extra_fields["parcel_number"] = std::to_string(rng.Int(1, 900));
    d.extra_fields["map_sheet"] = std::to_string(rng.Int(1, 60));
  } else if (doc_type == "business_household_registration") {
    static const std::vector<std::string> kShops = {"Tạp hóa", "Cửa hàng điện thoại", "Quán cơm", "Tiệm may",
                                                    "Sửa xe máy"};
    static const std::vector<std::string> kNames = {"Minh Anh", "Phúc Lộc", "Hồng Phát", "Thành Công", "An Khang"};
    d.extra_fields["business_name"] = rng.Pick(kShops) + " " + rng.Pick(kNames);
  }
  d.with_id_copy = doc_type != "citizen_id" && rng.Chance(0.6);
  d.id_card_new_style = rng.Chance(0.4);
  return d;
}

FormRenderer::FormRenderer(std::unique_ptr<Fonts> fonts) : fonts_(std::move(fonts)) {}
FormRenderer::~FormRenderer() = default;

std::unique_ptr<FormRenderer> FormRenderer::Create(std::string* error) {
  auto fonts = std::make_unique<Fonts>();
  auto load = [&](cv::Ptr<cv::freetype::FreeType2>& f, const std::string& file) {
    f = cv::freetype::createFreeType2();
    try {
      f->loadFontData(std::string(kFontDir) + file, 0);
    } catch (const cv::Exception&) {
      if (error)
        *error = "font not found: " + std::string(kFontDir) + file + " (install fonts-liberation2 fonts-dejavu-core)";
      return false;
    }
    return true;
  };
  if (!load(fonts->regular, "liberation2/LiberationSerif-Regular.ttf") ||
      !load(fonts->bold, "liberation2/LiberationSerif-Bold.ttf") ||
      !load(fonts->italic, "liberation2/LiberationSerif-Italic.ttf") || !load(fonts->sans, "dejavu/DejaVuSans.ttf") ||
      !load(fonts->sans_bold, "dejavu/DejaVuSans-Bold.ttf") || !load(fonts->mono, "dejavu/DejaVuSansMono.ttf") ||
      !load(fonts->mono_bold, "dejavu/DejaVuSansMono-Bold.ttf"))
    return nullptr;
  return std::unique_ptr<FormRenderer>(new FormRenderer(std::move(fonts)));
}

namespace {

// The lines only one kind of form has (a parcel, a business name...);
// `label` numbers a label and gives it its colon.
void DrawDocFields(Page& page, const Style& body, const Dossier& d,
                   const std::function<std::string(const std::string&)>& label, int left, int right) {
  const Person& p = d.person;
  if (d.doc_type == "land_registration") {
    page.Field(body, label("Thửa đất số"),
               d.extra_fields.at("parcel_number") + "    Tờ bản đồ số: " + d.extra_fields.at("map_sheet"), left, right);
    page.Field(body, label("Mục đích sử dụng đất"), "Đất ở tại đô thị", left, right);
  } else if (d.doc_type == "business_household_registration") {
    page.Field(body, label("Tên hộ kinh doanh"), d.extra_fields.at("business_name"), left, right);
    page.Field(body, label("Ngành, nghề kinh doanh"), "Bán lẻ hàng hóa", left, right);
  } else if (d.doc_type == "residence_change") {
    page.Field(body, label("Nội dung đề nghị"), "Điều chỉnh thông tin về cư trú trong Cơ sở dữ liệu về cư trú", left,
               right);
  } else {
    page.Field(body, label("Quan hệ với người được khai sinh"), p.gender == "male" ? "Cha" : "Mẹ", left, right);
  }
}

std::string DateOrYear(const std::string& iso, const std::string& label, Rng& rng) {
  const std::string key = label;
  if (key.find("Năm sinh") != std::string::npos || key.find("Sinh năm") != std::string::npos) return iso.substr(0, 4);
  return DateSlash(iso, rng);
}

// The body of a form drawn from a layout list: the applicant's fields
// under labels drawn from it, in one of several arrangements (numbered or
// not, two to a line, the value on the line under its label), extra lines,
// and the other people's blocks after the applicant's.
void DrawLayoutBody(Page& page, const Style& body, const Dossier& d, const LayoutList& layouts, const UnitTable* units,
                    Rng& rng, int left, int right) {
  const bool numbered = rng.Chance(0.5), upper = rng.Chance(0.15), below = rng.Chance(0.3);
  int n = 1;
  auto label = [&](std::string l) {
    if (upper) l = Upper(l);
    if (numbered) l = std::to_string(n++) + ". " + l;
    return l + ":";
  };
  auto field = [&](const std::string& l, const std::string& value) {
    if (below && rng.Chance(0.3)) {
      page.Line(body, l, left, right, 0);
      page.Field(body, "", value, left, right);
    } else {
      page.Field(body, l, value, left, right);
    }
  };
  auto pair = [&](const std::string& l1, const std::string& v1, const std::string& l2, const std::string& v2) {
    if (!page.FieldPair(body, l1, v1, l2, v2, left, right)) {
      page.Field(body, l1, v1, left, right);
      page.Field(body, l2, v2, left, right);
    }
  };
  auto pick = [&](const std::string& key) { return rng.Pick(layouts.applicant.at(key)); };
  auto extra_value = [&](const LayoutList::Extra& e) {
    const std::string v = rng.Pick(e.values);
    if (v == "@address") return units ? MakeAddress(rng, *units).text : std::string("số 3 ngõ 5 phố Huế, Hà Nội");
    if (v == "@email") return "user" + std::to_string(rng.Int(10, 9999)) + "@gmail.com";
    if (v == "@province") {
      static const std::vector<std::string> kProvinces = {"Nam Định",  "Thanh Hóa", "Nghệ An", "Hải Dương",
                                                          "Thái Bình", "Quảng Nam", "Bến Tre", "An Giang"};
      return "tỉnh " + rng.Pick(kProvinces);
    }
    return v;
  };
  // Extra lines: up to three, placed among the applicant's fields.
  std::vector<const LayoutList::Extra*> extras;
  for (const auto& e : layouts.extras)
    if (rng.Chance(0.35) && extras.size() < 3) extras.push_back(&e);
  const Person& p = d.person;
  const std::string name = rng.Chance(0.3) ? Upper(p.full_name) : p.full_name;
  field(label(pick("full_name")), name);
  const std::string dob = DateSlash(p.date_of_birth, rng), gender = p.gender == "male" ? "Nam" : "Nữ";
  if (rng.Chance(0.6)) {
    const std::string l1 = label(pick("date_of_birth")), l2 = label(pick("gender"));  // numbered in this order
    pair(l1, dob, l2, gender);
  } else {
    field(label(pick("date_of_birth")), dob);
    field(label(pick("gender")), gender);
  }
  size_t next_extra = 0;
  auto an_extra = [&] {
    if (next_extra < extras.size() && rng.Chance(0.5)) {
      const auto* e = extras[next_extra++];
      field(label(rng.Pick(e->labels)), extra_value(*e));
    }
  };
  an_extra();
  field(label(pick("id_number")), GroupedId(p.id_number, rng));
  an_extra();
  field(label(pick("permanent_address")), p.address.text);
  an_extra();
  field(label(pick("phone")), GroupedPhone(p.phone, rng));
  while (next_extra < extras.size()) {
    const auto* e = extras[next_extra++];
    field(label(rng.Pick(e->labels)), extra_value(*e));
  }
  DrawDocFields(page, body, d, label, left, right);
  for (const Dossier::Other& o : d.others) {
    const LayoutList::PersonBlock* block = nullptr;
    for (const auto& b : layouts.people)
      if (b.role == o.role) block = &b;
    if (!block) continue;
    const std::string heading = rng.Pick(block->headings);
    if (!heading.empty()) page.Line(body, heading, left, right, 0);
    const std::string their_name = rng.Chance(0.3) ? Upper(o.person.full_name) : o.person.full_name;
    field(label(rng.Pick(block->labels.at("name"))), their_name);
    for (const auto& [key, labels] : block->labels) {
      if (key == "name" || labels.empty() || !rng.Chance(0.6)) continue;
      const std::string l = rng.Pick(labels);
      std::string value;
      if (key == "date_of_birth") value = DateOrYear(o.person.date_of_birth, l, rng);
      if (key == "id_number") value = GroupedId(o.person.id_number, rng);
      if (key == "permanent_address") value = o.person.address.text;
      if (key == "relationship") {
        static const std::vector<std::string> kKin = {"Con", "Vợ", "Chồng", "Cháu", "Em"};
        value = rng.Pick(kKin);
      }
      if (!value.empty()) field(label(l), value);
    }
  }
}

}  // namespace

RenderedPage FormRenderer::RenderForm(const Dossier& d, Rng& rng, const LayoutList* layouts) {
  const int W = 2480, H = 3508;  // A4 at 300 dpi
  Page page(*fonts_, W, H);
  const int left = Pt(rng.Uniform(62, 80)), right = W - Pt(rng.Uniform(45, 60));
  const double size = rng.Uniform(12.5, 14);
  Style body{fonts_->regular.get(), Pt(size)}, bold{fonts_->bold.get(), Pt(size)},
      italic{fonts_->italic.get(), Pt(size)}, title{fonts_->bold.get(), Pt(size + 2.5)};
  page.set_y(Pt(rng.Uniform(40, 60)));
  DrawMotto(page, bold, left, right);
  const FormText text = TextFor(d.doc_type);
  for (const auto& t : text.title_lines) page.Line(title, t, left, right, 1);
  page.Skip(Pt(14));
  const std::string ward = d.person.address.ward.empty() ? "Phường Hồng Hà" : d.person.address.ward;
  page.Line(body, "Kính gửi: Ủy ban nhân dân " + ToLowerUnitWord(ward), left, right, 1);
  page.Skip(Pt(12));

  if (layouts) {
    DrawLayoutBody(page, body, d, *layouts, units_, rng, left, right);
  } else {
    // Label variants differ between form versions and offices.
    static const std::vector<std::string> kName = {"Họ và tên:", "Họ, chữ đệm và tên:", "Họ tên người yêu cầu:"};
    static const std::vector<std::string> kId = {
        "Số CCCD:", "Số căn cước công dân:", "Số định danh cá nhân:", "Số CMND/CCCD:"};
    static const std::vector<std::string> kAddr = {"Nơi thường trú:", "Địa chỉ thường trú:", "Nơi cư trú:"};
    static const std::vector<std::string> kPhone = {"Điện thoại:", "Số điện thoại liên hệ:"};
    const Person& p = d.person;
    int n = 1;
    auto num = [&](const std::string& label) { return std::to_string(n++) + ". " + label; };
    std::string name = p.full_name;
    page.Field(body, num(rng.Pick(kName)), rng.Chance(0.3) ? Upper(name) : name, left, right);
    page.Field(body, num("Ngày, tháng, năm sinh:"),
               DateSlash(p.date_of_birth, rng) + "    Giới tính: " + (p.gender == "male" ? "Nam" : "Nữ"), left, right);
    page.Field(body, num(rng.Pick(kId)), GroupedId(p.id_number, rng), left, right);
    page.Field(body, num(rng.Pick(kAddr)), p.address.text, left, right);
    page.Field(body, num(rng.Pick(kPhone)), GroupedPhone(p.phone, rng), left, right);
    DrawDocFields(
        page, body, d, [&](const std::string& l) { return num(l + ":"); }, left, right);
  }
  page.Skip(Pt(8));
  page.Paragraph(body,
                 "Tôi xin cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước "
                 "pháp luật về nội dung cam đoan của mình.",
                 left, right, Pt(36));
  page.Skip(Pt(14));
  int y, m, day;
  std::sscanf(d.doc_date.c_str(), "%d-%d-%d", &y, &m, &day);
  char date_line[128];
  std::snprintf(date_line, sizeof date_line, "%s, ngày %02d tháng %d năm %d", d.place.c_str(), day, m, y);
  const int col = (left + right) / 2;
  page.Line(italic, date_line, col - Pt(20), right, 1);
  const int sign_y = page.y();
  page.Line(bold, text.signer, col, right, 1);
  page.Line(italic, "(Ký, ghi rõ họ tên)", col, right, 1);
  DrawSignature(page.image(), {(col + right) / 2 - Pt(40), page.y() + Pt(30)}, rng);
  page.Skip(Pt(70));
  page.Line(bold, d.person.full_name, col, right, 1);
  // The receiving office's stamp, overlapping the signer block in part.
  if (rng.Chance(0.8)) {
    const cv::Point centre(col + rng.Int(-Pt(60), Pt(20)), sign_y + rng.Int(Pt(10), Pt(60)));
    DrawStamp(*fonts_, page.image(), centre, Upper("Ủy ban nhân dân " + ToLowerUnitWord(ward)), rng);
  }
  return RenderedPage{page.image(), page.lines(), {}};
}

namespace {

// A number as words, the way a date is written out on civil-status forms
// ("hai mươi lăm", "hai nghìn không trăm hai mươi tư").
std::string NumberWords(int n) {
  static const char* kDigits[] = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
  if (n >= 1000) {
    const int rest = n % 1000;
    std::string out = NumberWords(n / 1000) + " nghìn";
    if (rest == 0) return out;
    if (rest < 100) return out + " không trăm " + (rest < 10 ? std::string("lẻ ") : "") + NumberWords(rest);
    return out + " " + NumberWords(rest);
  }
  if (n >= 100) {
    const int rest = n % 100;
    std::string out = std::string(kDigits[n / 100]) + " trăm";
    if (rest == 0) return out;
    return out + (rest < 10 ? " lẻ " : " ") + NumberWords(rest);
  }
  if (n < 10) return kDigits[n];
  const int tens = n / 10, unit = n % 10;
  std::string out = tens == 1 ? "mười" : std::string(kDigits[tens]) + " mươi";
  if (unit == 0) return out;
  if (unit == 5) return out + " lăm";
  if (unit == 1 && tens > 1) return out + " mốt";
  if (unit == 4 && tens > 1) return out + " tư";
  return out + " " + kDigits[unit];
}

std::string DateWords(const std::string& iso) {
  int y, m, d;
  std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d);
  return "Ngày " + NumberWords(d) + " tháng " + (m == 4 ? std::string("tư") : NumberWords(m)) + " năm " +
         NumberWords(y);
}

const Person* OtherPerson(const Dossier& d, const std::string& role) {
  for (const auto& o : d.others)
    if (o.role == role) return &o.person;
  return nullptr;
}

}  // namespace

RenderedPage FormRenderer::RenderOfficial(const Dossier& d, const OfficialForm& form, Rng& rng) {
  const int W = 2480, H = 3508;  // A4 at 300 dpi
  Page page(*fonts_, W, H);
  const int left = Pt(rng.Uniform(60, 72)), right = W - Pt(rng.Uniform(45, 55));
  const double size = rng.Uniform(12.5, 13.5);
  Style body{fonts_->regular.get(), Pt(size)}, bold{fonts_->bold.get(), Pt(size)},
      italic{fonts_->italic.get(), Pt(size)}, title{fonts_->bold.get(), Pt(size + 2.5)},
      small{fonts_->regular.get(), Pt(size - 2.5)};
  page.set_y(Pt(rng.Uniform(40, 55)));
  DrawMotto(page, bold, left, right);
  for (const auto& t : form.title) page.Line(title, t, left, right, 1);
  page.Skip(Pt(12));
  const Person& p = d.person;
  const std::string ward = p.address.ward.empty() ? "Phường Hồng Hà" : p.address.ward;
  page.Line(body, Fill(form.addressee, {{"ward", ToLowerUnitWord(ward)}}), left, right, 0);
  page.Skip(Pt(4));

  const Person* head = OtherPerson(d, "household_head");
  const Person* child = OtherPerson(d, "child");
  const Person* father = p.gender == "male" ? &p : OtherPerson(d, "father");
  const Person* mother = p.gender == "female" ? &p : OtherPerson(d, "mother");
  std::map<std::string, std::string> truth;
  // The value written for a key, and what the record should hold for it.
  auto value = [&](const OfficialForm::Item& item) -> std::string {
    const std::string& k = item.key;
    const std::string before = item.before.empty() ? "" : rng.Pick(item.before) + " ";
    // Whose value: another person's key has their prefix ("mother_name").
    const std::pair<const char*, const Person*> kPeople[] = {
        {"household_head_", head ? head : &p}, {"child_", child}, {"mother_", mother}, {"father_", father}};
    const Person* of = &p;
    std::string field = k;
    for (const auto& [prefix, who] : kPeople)
      if (k.rfind(prefix, 0) == 0 && who) {
        of = who;
        field = k.substr(std::string(prefix).size());
      }
    if (field == "full_name" || field == "name") {
      truth[k] = of->full_name;
      return rng.Chance(0.3) ? Upper(of->full_name) : of->full_name;
    }
    if (field == "date_of_birth") {
      if (item.label.find("Năm sinh") != std::string::npos) return of->date_of_birth.substr(0, 4);
      truth[k] = of->date_of_birth;
      return DateSlash(of->date_of_birth, rng);
    }
    if (field == "date_of_birth_words") return DateWords(of->date_of_birth);
    if (field == "gender") {
      truth[k] = of->gender;
      return of->gender == "male" ? "Nam" : "Nữ";
    }
    if (field == "id_number") {
      truth[k] = of->id_number;
      std::string v = before + (item.boxes ? of->id_number : GroupedId(of->id_number, rng));
      if (item.after == "issue") {
        char issued[64];
        std::snprintf(issued, sizeof issued, ", cấp ngày %02d/%02d/%d", rng.Int(1, 28), rng.Int(1, 12),
                      rng.Int(2021, 2024));
        v += issued;
      }
      return v;
    }
    if (field == "phone") {
      truth[k] = of->phone;
      return GroupedPhone(of->phone, rng);
    }
    if (field == "email") return "user" + std::to_string(rng.Int(10, 9999)) + "@gmail.com";
    if (field == "permanent_address") {
      truth[k] = of->address.text;
      return before + of->address.text;
    }
    if (field == "relationship") {
      if (d.doc_type == "birth_registration") return p.gender == "male" ? "Cha" : "Mẹ";
      static const std::vector<std::string> kKin = {"Con", "Vợ", "Chồng", "Cháu", "Em"};
      return head ? rng.Pick(kKin) : "Chủ hộ";
    }
    if (field == "ethnicity") return "Kinh";
    if (field == "nationality") return "Việt Nam";
    if (field == "birth_place") return "Bệnh viện Phụ sản " + d.place;
    if (field == "hometown")
      return ToLowerUnitWord(of->address.province.empty() ? "Tỉnh Nam Định" : of->address.province);
    return "";
  };
  auto label_of = [](const std::string& l) { return l.find(':') == std::string::npos ? l + ":" : l; };
  for (const auto& line : form.lines) {
    if (line.size() == 1 && !line[0].text.empty()) {
      page.Line(body, line[0].text, left, right, 0);
      continue;
    }
    if (line.size() == 1 && line[0].key == "members") {
      page.Line(body, label_of(line[0].label), left, right, 0);
      page.TableHeader(small, form.members, left, right, 2);
      continue;
    }
    if (line.size() == 1 && line[0].boxes) {
      const std::string v = value(line[0]);
      page.BoxedDigits(body, label_of(line[0].label), v, left);
      continue;
    }
    std::vector<std::pair<std::string, std::string>> items;
    for (const auto& item : line) items.emplace_back(label_of(item.label), value(item));
    if (items.size() == 1 || !page.FieldRow(body, items, left, right))
      for (const auto& [l, v] : items) page.Field(body, l, v, left, right);
  }
  if (!form.closing.empty()) {
    page.Skip(Pt(6));
    page.Paragraph(body, form.closing, left, right, Pt(36));
  }
  page.Skip(Pt(12));
  int y, m, day;
  std::sscanf(d.doc_date.c_str(), "%d-%d-%d", &y, &m, &day);
  char dd[8];
  std::snprintf(dd, sizeof dd, "%02d", day);
  const int col = (left + right) / 2;
  const std::string date_line = Fill(
      form.date_line, {{"place", d.place}, {"day", dd}, {"month", std::to_string(m)}, {"year", std::to_string(y)}});
  // Signature columns side by side; the declarant's is the last, under the
  // place and date. The truth reads them block by block, left to right.
  const std::vector<std::string> signers =
      form.signers.empty() ? std::vector<std::string>{"NGƯỜI KÊ KHAI"} : form.signers;
  const int n = static_cast<int>(signers.size());
  const int first = n == 1 ? col : left, width = (right - first) / n;
  const int row = static_cast<int>(bold.height * 1.45), date_y = page.y(), sign_y = date_y + row;
  int bottom = sign_y + 2 * row;
  for (int i = 0; i < n; ++i) {
    const int x0 = first + i * width, x1 = x0 + width;
    auto centred = [&](const Style& s, const std::string& t, int at_y) {
      page.Draw(s, t, (x0 + x1 - page.TextWidth(s, t)) / 2, at_y);
      page.lines().push_back(t);
    };
    const bool declarant = i == n - 1;
    if (declarant) {
      const int from = std::min(x0, col - Pt(20));
      page.Draw(italic, date_line, (from + right - page.TextWidth(italic, date_line)) / 2, date_y);
      page.lines().push_back(date_line);
    }
    centred(bold, signers[i], sign_y);
    centred(italic, form.sign_note, sign_y + row);
    const Person* who = declarant ? &p : head;
    if (!who) continue;
    DrawSignature(page.image(), {(x0 + x1) / 2 - Pt(40), sign_y + 2 * row + Pt(20)}, rng);
    const int name_y = sign_y + 2 * row + Pt(70);
    centred(bold, who->full_name, name_y);
    bottom = std::max(bottom, name_y + row);
  }
  page.set_y(bottom);
  if (rng.Chance(0.7)) {
    const std::string agency = form.addressee.find("Công an") != std::string::npos ? "Công an " : "Ủy ban nhân dân ";
    const cv::Point centre(right - Pt(110) + rng.Int(-Pt(40), Pt(20)), sign_y + rng.Int(Pt(20), Pt(60)));
    DrawStamp(*fonts_, page.image(), centre, Upper(agency + ToLowerUnitWord(ward)), rng);
  }
  return RenderedPage{page.image(), page.lines(), std::move(truth)};
}

RenderedPage FormRenderer::RenderIdCopy(const Dossier& d, Rng& rng) {
  const int W = 2480, H = 3508;
  Page page(*fonts_, W, H);
  // The card enlarged 1.6x on the copier, grey toner on white paper.
  const double k = 1.6;
  const int cw = static_cast<int>(1011 * k), ch = static_cast<int>(700 * k);
  const cv::Point origin((W - cw) / 2, Pt(rng.Uniform(80, 160)));
  cv::rectangle(page.image(), cv::Rect(origin, cv::Size(cw, ch)), cv::Scalar(60, 60, 60), 4, cv::LINE_AA);
  cv::rectangle(page.image(), cv::Rect(origin + cv::Point(Pt(10), Pt(60)), cv::Size(Pt(70), Pt(95))),
                cv::Scalar(150, 150, 150), cv::FILLED);  // photo
  Style small{fonts_->sans.get(), static_cast<int>(Pt(7.5) * k)},
      small_bold{fonts_->sans_bold.get(), static_cast<int>(Pt(7.5) * k)},
      head{fonts_->sans_bold.get(), static_cast<int>(Pt(8.5) * k)};
  const int x0 = origin.x + Pt(90), x1 = origin.x + cw - Pt(8);
  page.set_y(origin.y + Pt(8));
  page.Line(small_bold, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", origin.x, origin.x + cw, 1);
  page.Line(small_bold, "Độc lập - Tự do - Hạnh phúc", origin.x, origin.x + cw, 1);
  page.Line(head, d.id_card_new_style ? "CĂN CƯỚC" : "CĂN CƯỚC CÔNG DÂN", x0, x1, 0);
  const Person& p = d.person;
  page.Line(small_bold, "Số định danh cá nhân: " + p.id_number, x0, x1, 0);
  page.Line(small, "Họ, chữ đệm và tên / Full name:", x0, x1, 0);
  page.Line(small_bold, Upper(p.full_name), x0, x1, 0);
  int y, m, day;
  std::sscanf(p.date_of_birth.c_str(), "%d-%d-%d", &y, &m, &day);
  char dob[64];
  std::snprintf(dob, sizeof dob, "Ngày sinh / Date of birth: %02d/%02d/%04d", day, m, y);
  page.Line(small, dob, x0, x1, 0);
  page.Line(small, std::string("Giới tính / Sex: ") + (p.gender == "male" ? "Nam" : "Nữ"), x0, x1, 0);
  page.Line(small, "Quốc tịch / Nationality: Việt Nam", x0, x1, 0);
  page.Line(small, "Nơi thường trú / Place of residence:", x0, x1, 0);
  page.Paragraph(small, p.address.text, x0, x1, 0);
  // Photocopy toner: the whole page a little grey and uneven.
  cv::Mat noise(page.image().size(), CV_8UC1);
  cv::RNG(rng.Next()).fill(noise, cv::RNG::NORMAL, 0, 6);  // seeded: deterministic
  cv::Mat noise3;
  cv::cvtColor(noise, noise3, cv::COLOR_GRAY2BGR);
  cv::Mat out;
  cv::subtract(page.image(), noise3, out);
  return RenderedPage{out, page.lines(), {}};
}

namespace {

// How a till strip comes out: thermal print fading in bands, in black,
// violet or blue, and signed across in black pen one time in two (real
// receipts seen: print in blue and in violet under one black line). The
// signature goes about `sign_y`.
cv::Mat PrintOnTill(const cv::Mat& drawn, int sign_y, Rng& rng) {
  const int W = drawn.cols;
  // Thermal print fades in bands across the strip.
  cv::Mat fade(drawn.rows, 1, CV_32F);
  const double phase = rng.Uniform(0, 6.28), depth = rng.Uniform(0, 0.35);
  for (int r = 0; r < fade.rows; ++r)
    fade.at<float>(r) = static_cast<float>(1 - depth * (0.5 + 0.5 * std::sin(phase + r / 180.0)));
  cv::Mat out = drawn.clone();
  for (int r = 0; r < out.rows; ++r)
    for (int c = 0; c < out.cols; ++c) {
      cv::Vec3b& px = out.at<cv::Vec3b>(r, c);
      for (int k = 0; k < 3; ++k) px[k] = cv::saturate_cast<uchar>(255 - (255 - px[k]) * fade.at<float>(r));
    }
  // Drawn after the fading, so that a seed's fee receipt is laid out as it
  // was before the inks came in.
  const int ink = rng.Int(0, 2);  // black, violet, blue
  if (ink > 0) {
    const cv::Vec3d full = ink == 1 ? cv::Vec3d(150, 40, 110) : cv::Vec3d(170, 80, 30);  // BGR at full strength
    for (int r = 0; r < out.rows; ++r)
      for (int c = 0; c < out.cols; ++c) {
        cv::Vec3b& px = out.at<cv::Vec3b>(r, c);
        const double dark = (255 - px[0]) / 255.0;  // the print is neutral: every channel alike
        for (int k = 0; k < 3; ++k) px[k] = cv::saturate_cast<uchar>(255 - dark * (255 - full[k]));
      }
  }
  if (rng.Chance(0.5)) {
    // A signature: a few loops of black pen over the signer's line.
    const cv::Point at(W / 2 + Pt(rng.Uniform(-20, 20)), std::min(out.rows - Pt(20), sign_y + Pt(14)));
    for (int k = 0; k < 3; ++k)
      cv::ellipse(out, at + cv::Point(Pt(14) * k, 0), cv::Size(Pt(rng.Uniform(10, 18)), Pt(rng.Uniform(4, 9))),
                  rng.Uniform(-25, 25), 0, rng.Uniform(200, 340), cv::Scalar(25, 25, 25), std::max(2, Pt(1.1)),
                  cv::LINE_AA);
  }
  return out;
}

}  // namespace

RenderedPage FormRenderer::RenderReceipt(const Dossier& d, Rng& rng) {
  const int W = static_cast<int>(std::lround(80 / 25.4 * kDpi));
  const int H = static_cast<int>(std::lround(rng.Uniform(100, 200) / 25.4 * kDpi));
  Page page(*fonts_, W, H);
  const double size = rng.Uniform(8, 9.5);
  Style body{fonts_->sans.get(), Pt(size)}, bold{fonts_->sans_bold.get(), Pt(size)},
      head{fonts_->sans_bold.get(), Pt(size + 1.5)};
  const int left = Pt(rng.Uniform(10, 16)), right = W - Pt(rng.Uniform(10, 16));
  page.set_y(Pt(rng.Uniform(24, 40)));
  page.Line(bold, "ỦY BAN NHÂN DÂN", left, right, 1);
  page.Line(bold, Upper(d.person.address.ward.empty() ? "Phường Trung Tâm" : d.person.address.ward), left, right, 1);
  page.Skip(Pt(6));
  page.Line(head, "BIÊN LAI THU PHÍ, LỆ PHÍ", left, right, 1);
  page.Line(body, "Số: " + std::to_string(rng.Int(1000, 99999)), left, right, 1);
  page.Skip(Pt(6));
  struct Fee {
    const char* what;
    const char* amount;
    const char* words;
  };
  static const std::vector<Fee> kFees = {{"Lệ phí đăng ký cư trú", "20.000", "Hai mươi nghìn đồng"},
                                         {"Lệ phí đăng ký hộ kinh doanh", "100.000", "Một trăm nghìn đồng"},
                                         {"Phí thẩm định hồ sơ", "50.000", "Năm mươi nghìn đồng"},
                                         {"Lệ phí chứng thực", "15.000", "Mười lăm nghìn đồng"}};
  const Fee& fee = rng.Pick(kFees);
  page.Line(body, "Người nộp: " + d.person.full_name, left, right, 0);
  page.Line(body, std::string("Nội dung: ") + fee.what, left, right, 0);
  page.Line(bold, std::string("Số tiền: ") + fee.amount + " đ", left, right, 0);
  page.Line(body, std::string("Bằng chữ: ") + fee.words, left, right, 0);
  page.Line(body, "Hình thức: Tiền mặt", left, right, 0);
  int y, m, day;
  std::sscanf(d.doc_date.c_str(), "%d-%d-%d", &y, &m, &day);
  char when[64];
  std::snprintf(when, sizeof when, "Ngày %02d/%02d/%04d %02d:%02d", day, m, y, rng.Int(7, 16), rng.Int(0, 59));
  page.Line(body, when, left, right, 0);
  page.Skip(Pt(8));
  page.Line(bold, "Người thu tiền", left, right, 2);
  return RenderedPage{PrintOnTill(page.image(), page.y(), rng), page.lines(), {}};
}

namespace {

// 45000 -> "45.000", as Vietnamese tills print amounts.
std::string Money(long amount) {
  std::string digits = std::to_string(amount), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

}  // namespace

RenderedPage FormRenderer::RenderTillReceipt(const Dossier& d, Rng& rng) {
  const int W = static_cast<int>(std::lround((rng.Chance(0.3) ? 58 : 80) / 25.4 * kDpi));
  Page page(*fonts_, W, static_cast<int>(std::lround(330 / 25.4 * kDpi)));
  const double size = rng.Uniform(7.5, 9);
  Style body{fonts_->mono.get(), Pt(size)}, bold{fonts_->mono_bold.get(), Pt(size)},
      head{fonts_->mono_bold.get(), Pt(size + 2)};
  // Capitals throughout; without the tone marks on half the tills.
  const bool marks = rng.Chance(0.5);
  auto caps = [&](const std::string& text) {
    return marks ? Upper(text) : Restyle(Upper(text), AddressStyle::kNoMarks, rng);
  };
  const int left = Pt(rng.Uniform(6, 12)), right = W - Pt(rng.Uniform(6, 12));
  page.set_y(Pt(rng.Uniform(16, 30)));
  static const std::vector<std::string> kShops = {"Cửa hàng photocopy Minh Anh", "Nhà sách Hồng Hà",
                                                  "Văn phòng phẩm Thành Đạt", "Tiệm ảnh Kim Ngân",
                                                  "Cửa hàng tiện lợi An Khang"};
  static const std::vector<std::string> kStreets = {"Nguyễn Trãi", "Lê Lợi",      "Trần Phú",
                                                    "Hùng Vương",  "Quang Trung", "Hai Bà Trưng"};
  page.Line(head, caps(rng.Pick(kShops)), left, right, 1);
  const Address& home = d.person.address;
  std::string where = "Số " + std::to_string(rng.Int(1, 299)) + " " + rng.Pick(kStreets);
  if (!home.ward.empty()) where += ", " + home.ward;
  if (!home.province.empty()) where += ", " + home.province;
  page.Paragraph(body, caps(where), left, right, 0);
  char phone[32];
  std::snprintf(phone, sizeof phone, "0%d%02d.%03d.%03d", rng.Int(2, 9), rng.Int(10, 99), rng.Int(0, 999),
                rng.Int(0, 999));
  page.Line(body, caps("ĐT: ") + phone, left, right, 1);
  page.Line(body, "MST: " + std::to_string(rng.Int(100000000, 999999999)) + std::to_string(rng.Int(0, 9)), left, right,
            1);
  page.CharacterRule(body, '=', left, right);
  page.Line(head, caps("Hóa đơn bán lẻ"), left, right, 1);
  int y, m, day;
  std::sscanf(d.doc_date.c_str(), "%d-%d-%d", &y, &m, &day);
  char number[32], date[32], time[16];
  std::snprintf(number, sizeof number, "%07d", rng.Int(1, 999999));
  std::snprintf(date, sizeof date, "%02d/%02d/%04d", day, m, y);
  std::snprintf(time, sizeof time, "%02d:%02d", rng.Int(7, 20), rng.Int(0, 59));
  page.Columns(body, caps("Số HĐ: ") + number, time, left, right);
  page.Line(body, caps("Ngày: ") + date, left, right, 0);
  page.CharacterRule(body, '-', left, right);
  struct Item {
    const char* name;
    long price;
  };
  static const std::vector<Item> kItems = {
      {"Photo A4 2 mặt", 1000}, {"Photo A3", 2000},  {"In màu A4", 5000},   {"Ép plastic", 5000},
      {"Ảnh thẻ 3x4", 30000},   {"Bìa hồ sơ", 3000}, {"Phong bì A4", 2000}, {"Bút bi Thiên Long", 5000},
      {"Tờ khai CT01", 1000},   {"Kẹp giấy", 2000}};
  long total = 0;
  for (int k = rng.Int(1, 6); k > 0; --k) {
    const Item& item = rng.Pick(kItems);
    const int qty = rng.Int(1, 12);
    page.Line(body, caps(item.name), left, right, 0);
    page.Columns(body, std::to_string(qty) + " X " + Money(item.price), Money(qty * item.price), left + Pt(12), right);
    total += qty * item.price;
  }
  page.CharacterRule(body, '-', left, right);
  const int sign_y = page.y();
  page.Columns(bold, caps("Tổng cộng:"), Money(total), left, right);
  const long paid = (total / 50000 + 1) * 50000;
  page.Columns(body, caps("Tiền khách đưa:"), Money(paid), left, right);
  page.Columns(body, caps("Tiền thừa:"), Money(paid - total), left, right);
  page.CharacterRule(body, '=', left, right);
  page.Line(body, caps("Cảm ơn quý khách!"), left, right, 1);
  // The printer feeds on past the last line before the strip is torn off.
  const int end = std::min(page.image().rows, std::max(page.y() + Pt(rng.Uniform(16, 40)), W * 9 / 4));
  return RenderedPage{PrintOnTill(page.image().rowRange(0, end), sign_y, rng), page.lines(), {}};
}

namespace {
// Upper-case of Vietnamese text (the letters the forms use).
std::string UpperImpl(const std::string& s) {
  static const std::vector<std::pair<std::string, std::string>> kPairs = {
      {"à", "À"}, {"á", "Á"}, {"ả", "Ả"}, {"ã", "Ã"}, {"ạ", "Ạ"}, {"ă", "Ă"}, {"ằ", "Ằ"}, {"ắ", "Ắ"}, {"ẳ", "Ẳ"},
      {"ẵ", "Ẵ"}, {"ặ", "Ặ"}, {"â", "Â"}, {"ầ", "Ầ"}, {"ấ", "Ấ"}, {"ẩ", "Ẩ"}, {"ẫ", "Ẫ"}, {"ậ", "Ậ"}, {"đ", "Đ"},
      {"è", "È"}, {"é", "É"}, {"ẻ", "Ẻ"}, {"ẽ", "Ẽ"}, {"ẹ", "Ẹ"}, {"ê", "Ê"}, {"ề", "Ề"}, {"ế", "Ế"}, {"ể", "Ể"},
      {"ễ", "Ễ"}, {"ệ", "Ệ"}, {"ì", "Ì"}, {"í", "Í"}, {"ỉ", "Ỉ"}, {"ĩ", "Ĩ"}, {"ị", "Ị"}, {"ò", "Ò"}, {"ó", "Ó"},
      {"ỏ", "Ỏ"}, {"õ", "Õ"}, {"ọ", "Ọ"}, {"ô", "Ô"}, {"ồ", "Ồ"}, {"ố", "Ố"}, {"ổ", "Ổ"}, {"ỗ", "Ỗ"}, {"ộ", "Ộ"},
      {"ơ", "Ơ"}, {"ờ", "Ờ"}, {"ớ", "Ớ"}, {"ở", "Ở"}, {"ỡ", "Ỡ"}, {"ợ", "Ợ"}, {"ù", "Ù"}, {"ú", "Ú"}, {"ủ", "Ủ"},
      {"ũ", "Ũ"}, {"ụ", "Ụ"}, {"ư", "Ư"}, {"ừ", "Ừ"}, {"ứ", "Ứ"}, {"ử", "Ử"}, {"ữ", "Ữ"}, {"ự", "Ự"}, {"ỳ", "Ỳ"},
      {"ý", "Ý"}, {"ỷ", "Ỷ"}, {"ỹ", "Ỹ"}, {"ỵ", "Ỵ"}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      out += static_cast<char>(std::toupper(c));
      ++i;
      continue;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    const std::string ch = s.substr(i, len);
    std::string up = ch;
    for (const auto& [lo, hi] : kPairs)
      if (lo == ch) {
        up = hi;
        break;
      }
    out += up;
    i += len;
  }
  return out;
}
}  // namespace

std::string Upper(const std::string& s) { return UpperImpl(s); }

}  // namespace samplegen
