// What a printed label means, read from its words the way a clerk reads
// it, not looked up in a list of label strings: its head words say which
// field it is (họ … tên: a name; ngày/năm … sinh: a date of birth; số định
// danh / CCCD / CMND / căn cước: an ID number; nơi / địa chỉ + thường trú,
// tạm trú, ở hiện tại: which address; điện thoại / SĐT: a phone; …), and
// its qualifiers say whose field it is (người đề nghị, người khai, người
// yêu cầu: the applicant; chủ hộ, cha, mẹ, người được khai sinh, người đại
// diện: other people). Words are compared on their bare letters (tone marks
// forgiven, as OCR loses them), long words with one letter forgiven.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/templates.h"

namespace hoso {

// Whose field a label names. The applicant is the person the form is about
// (who signs it); the others fill keys of their own.
enum class Whose { kApplicant, kHouseholdHead, kChild, kFather, kMother, kRepresentative, kSpouse };
// "household_head", "child", ... ("" for the applicant).
const char* WhosePrefix(Whose w);

struct LabelMeaning {
  // name, date_of_birth, gender, id_number, permanent_address,
  // temporary_address, current_address, contact_address, phone, email,
  // ethnicity, nationality, religion, occupation, birth_place, hometown,
  // relationship, id_issue_date, id_issue_place; empty: not understood.
  std::string field;
  FieldType type = FieldType::kText;
  std::optional<Whose> whose;  // said in the label; nullopt: not said
};

// `tokens`: the label's words as bare lower-case letters (vn::MakeKey Ascii,
// split on spaces and punctuation).
LabelMeaning UnderstandLabel(const std::vector<std::string>& tokens);

// A heading that says whose fields follow ("Thông tin về cha", "PHẦN KÊ
// KHAI VỀ MẸ", "Đề nghị đăng ký khai sinh cho người dưới đây"): only
// phrases of two words or more, as a lone "mẹ" may be part of a place name.
std::optional<Whose> HeadingPerson(const std::vector<std::string>& tokens);

// The record key of a field of a person: the applicant's name is
// full_name, their other fields keep their names; another person's fields
// are prefixed: father_name, household_head_id_number, ...
std::string FieldKey(const std::string& field, Whose whose);

// Whether `tokens` open with words naming a person ("người đề nghị Vũ…",
// "chủ hộ …"): the end of a label OCR or a template left in a value. Only
// phrases of `min_words` or more count (a value's "Võ" is a family name,
// not "vợ").
std::optional<Whose> LeadingPerson(const std::vector<std::string>& tokens, size_t min_words, size_t* words = nullptr);

}  // namespace hoso
