#include "core/say.h"

#include <utility>

namespace hoso {

std::string Say::Field(const std::string& key) const {
  static const std::pair<const char*, std::pair<const char*, const char*>> kFields[] = {
      {"full_name", {"full name", "họ và tên"}},
      {"name", {"name", "họ tên"}},
      {"date_of_birth", {"date of birth", "ngày sinh"}},
      {"gender", {"gender", "giới tính"}},
      {"id_number", {"ID number", "số định danh cá nhân"}},
      {"permanent_address", {"permanent address", "nơi thường trú"}},
      {"temporary_address", {"temporary address", "nơi tạm trú"}},
      {"current_address", {"current address", "nơi ở hiện tại"}},
      {"phone", {"phone", "số điện thoại"}},
      {"email", {"email", "email"}},
      {"relationship", {"relationship", "quan hệ"}},
      {"parcel_number", {"parcel number", "số thửa"}},
      {"map_sheet", {"map sheet", "số tờ bản đồ"}},
      {"business_name", {"business name", "tên hộ kinh doanh"}},
      {"doc_date", {"document date", "ngày văn bản"}},
      {"doc_kind", {"kind of document", "tên loại văn bản"}},
      {"doc_number", {"document number", "số văn bản"}},
      {"doc_symbol", {"document symbol", "ký hiệu văn bản"}},
      {"issuer", {"issuing body", "cơ quan ban hành"}},
      {"issuer_parent", {"issuing body's parent", "cơ quan chủ quản"}},
      {"issue_place", {"place of issue", "địa danh ban hành"}},
      {"subject", {"subject", "trích yếu nội dung"}},
      {"signer_name", {"signer", "người ký"}},
      {"signer_title", {"signer's authority and title", "thẩm quyền, chức vụ người ký"}},
  };
  static const std::pair<const char*, std::pair<const char*, const char*>> kPeople[] = {
      {"household_head_", {"household head", "chủ hộ"}},
      {"child_", {"child", "người được khai sinh"}},
      {"father_", {"father", "cha"}},
      {"mother_", {"mother", "mẹ"}},
      {"representative_", {"representative", "người đại diện"}},
      {"spouse_", {"spouse", "vợ/chồng"}},
  };
  for (const auto& [k, words] : kFields)
    if (key == k) return english ? words.first : words.second;
  for (const auto& [prefix, who] : kPeople) {
    const std::string p = prefix;
    if (key.rfind(p, 0) == 0 && key.size() > p.size()) {
      const std::string field = Field(key.substr(p.size()));
      return field + " (" + (english ? who.first : who.second) + ")";
    }
  }
  return key;
}

}  // namespace hoso
