// The station's words, in Vietnamese (the default) and English (a user's
// choice, kept with their account). Codes (flags, statuses, field keys)
// stay as the records have them; people read the names given here.
"use strict";

const WORDS = {
  vi: {
    roles: { reviewer: "người duyệt", admin: "quản trị" },
    station: "Duyệt hồ sơ", nav_queue: "Hồ sơ chờ duyệt", nav_dashboard: "Thống kê", switch_language: "English",
    sign_out: "Đăng xuất", sign_in: "Đăng nhập", user: "Tên đăng nhập", password: "Mật khẩu",
    waiting: "Hồ sơ chờ duyệt", search: "Tìm theo tên, số định danh hoặc số hồ sơ", flag: "Cảnh báo",
    document: "Loại giấy tờ", intake_point: "Nơi tiếp nhận", received_from: "Nhận từ ngày", received_to: "đến ngày",
    col_number: "Số HS", col_applicant: "Người nộp", col_id: "Số định danh", col_received: "Ngày nhận",
    queue_hint: "Enter: mở hồ sơ đầu tiên · /: tìm kiếm",
    original_scan: "bản quét gốc", approve: "Duyệt và sang hồ sơ sau (a)", reject: "Từ chối", next: "Bỏ qua (n)",
    reason_placeholder: "lý do (bắt buộc khi từ chối, khi duyệt mà còn lỗi, khi mở lại)", reopen: "Mở lại để duyệt",
    reopened: (id) => `Đã mở lại hồ sơ ${id}: hồ sơ trở lại danh sách chờ duyệt.`,
    other_lines: "Các dòng khác đã đọc", history: "Lịch sử", when: "Thời gian", who: "Người thực hiện",
    what: "Nội dung", before: "Trước", after: "Sau",
    dossier_hint: "Phím: a duyệt và sang hồ sơ sau · s nhận địa chỉ đề xuất · n bỏ qua · ←/→ trang · +/− phóng to · Esc rời ô nhập",
    intake_points: "Các nơi tiếp nhận (30 ngày)", per_day: "Hồ sơ theo ngày", top_flags: "Cảnh báo thường gặp",
    batches: "Trang mỗi giây, các lượt quét gần đây", learnt_title: "Nhãn đã học từ các lần sửa", label: "Nhãn",
    field: "Trường", learnt_by: "Người sửa", undo: "Hoàn tác",
    all: "tất cả", none_named: "(không ghi)", of: "trên", page_of: (i, n) => `trang ${i}/${n}`,
    shown: (a, b, n) => `${a}–${b} trên ${n}`, count: (m, w) => `(${m} / ${w} hồ sơ)`,
    all_done: "Đã duyệt hết: không còn hồ sơ nào chờ duyệt.", no_match: "Không có hồ sơ nào khớp với điều kiện tìm.",
    dossier: "Hồ sơ", dated: "ngày văn bản", received: "nhận lúc", version: "phiên bản", at_point: "tại",
    not_found: "(không đọc được: nhập theo giấy tờ)", address: "Địa chỉ",
    address_status: { outdated: "Địa chỉ theo đơn vị hành chính cũ", ambiguous: "Địa chỉ chưa rõ thuộc đơn vị nào",
                      unknown: "Không nhận ra địa chỉ" },
    old_address: "Địa chỉ như đã viết", new_address: "Địa chỉ theo đơn vị hiện nay", old_units: "Đơn vị cũ",
    accept: "Nhận địa chỉ này (s)", use: "Chọn", check: "Cần xem lại", resolution: "Căn cứ",
    whole: "nhận toàn bộ", part: "nhận một phần", all_population: "toàn bộ dân số",
    learnt: (label, field) => `Đã học: nhãn "${label}" là ${field} (hoàn tác ở trang Thống kê)`,
    approved: (id) => `Đã duyệt hồ sơ ${id}.`, rejected_msg: (id) => `Đã từ chối hồ sơ ${id}.`,
    received_total: "Đã nhận", waiting_now: "Đang chờ duyệt", decided: "Đã duyệt", median_review: "Thời gian duyệt (trung vị)",
    hours: (h) => h < 1 ? `${Math.round(h * 60)} phút` : `${(Math.round(h * 10) / 10).toLocaleString("vi-VN")} giờ`,
    status: { registered: "đã đăng ký", needs_review: "chờ duyệt", rejected: "đã từ chối" },
    audit_what: { status: "Trạng thái", "status (reopened)": "Mở lại" }, audit_field: "Sửa",
    audit_learnt: "Học nhãn", audit_forgot: "Bỏ nhãn đã học",
    errors: {
      DENIED_SIGN_IN: "Sai tên đăng nhập hoặc mật khẩu.", DENIED: "Không được phép: hồ sơ đã được quyết định.",
      REASON_REOPEN: "Cần ghi lý do mở lại.",
      CONFLICT: "Hồ sơ vừa được người khác sửa: hãy tải lại.", REASON_NEEDED: "Hồ sơ còn lỗi: cần ghi lý do để duyệt.",
      NO_READABLE_PAGE: "Hồ sơ không có trang nào đọc được: quét lại hoặc từ chối.",
      TOO_MANY_ATTEMPTS: "Đăng nhập sai quá nhiều lần: hãy thử lại sau.", REASON_REJECT: "Cần ghi lý do từ chối.",
      FORBIDDEN: "Chỉ quản trị viên được làm việc này.", REGISTRY_UNAVAILABLE: "Cơ sở dữ liệu chưa trả lời: thử lại sau giây lát.",
    },
  },
  en: {
    roles: { reviewer: "reviewer", admin: "admin" },
    station: "Review station", nav_queue: "Queue", nav_dashboard: "Dashboard", switch_language: "Tiếng Việt",
    sign_out: "Sign out", sign_in: "Sign in", user: "User", password: "Password",
    waiting: "Waiting for review", search: "Search by name, ID number or dossier number", flag: "Flag",
    document: "Document", intake_point: "Intake point", received_from: "Received from", received_to: "to",
    col_number: "No.", col_applicant: "Applicant", col_id: "ID number", col_received: "Received",
    queue_hint: "Enter: open the first dossier · /: search",
    original_scan: "original scan", approve: "Approve and next (a)", reject: "Reject", next: "Skip (n)",
    reason_placeholder: "reason (to reject, to approve over an error, to reopen)", reopen: "Reopen for review",
    reopened: (id) => `Dossier ${id} reopened: it waits for review again.`,
    other_lines: "Other lines read", history: "History", when: "When", who: "Who", what: "What", before: "Before",
    after: "After",
    dossier_hint: "Keys: a approve and next · s accept the suggested address · n skip · ←/→ pages · +/− zoom · Esc leaves a field",
    intake_points: "Intake points (30 days)", per_day: "Dossiers per day", top_flags: "Most frequent flags",
    batches: "Pages per second, recent batches", learnt_title: "Labels learnt from corrections", label: "Label",
    field: "Field", learnt_by: "Learnt by", undo: "Undo",
    all: "all", none_named: "(none named)", of: "of", page_of: (i, n) => `page ${i} of ${n}`,
    shown: (a, b, n) => `${a}–${b} of ${n}`, count: (m, w) => `(${m} of ${w} dossiers)`,
    all_done: "All done: no dossier is waiting for review.", no_match: "No dossier matches this search.",
    dossier: "Dossier", dated: "dated", received: "received", version: "version", at_point: "at",
    not_found: "(not found: key it from the page)", address: "Address",
    address_status: { outdated: "Address written with old units", ambiguous: "Address of more than one unit",
                      unknown: "Address not recognised" },
    old_address: "Address as written", new_address: "Address with today's units", old_units: "Old units",
    accept: "Accept (s)", use: "Use", check: "Check", resolution: "Resolution",
    whole: "took it whole", part: "took part of it", all_population: "all of its population",
    learnt: (label, field) => `Learnt: "${label}" is ${field} (undo on the dashboard)`,
    approved: (id) => `Dossier ${id} approved.`, rejected_msg: (id) => `Dossier ${id} rejected.`,
    received_total: "Received", waiting_now: "Waiting", decided: "Decided", median_review: "Median time to review",
    hours: (h) => h < 1 ? `${Math.round(h * 60)} min` : `${Math.round(h * 10) / 10} h`,
    status: { registered: "registered", needs_review: "needs review", rejected: "rejected" },
    audit_what: { status: "Status", "status (reopened)": "Reopened" }, audit_field: "Edited",
    audit_learnt: "Label learnt", audit_forgot: "Label forgotten",
    errors: {
      DENIED_SIGN_IN: "Wrong user name or password.", DENIED: "Not allowed: the dossier is already decided.",
      REASON_REOPEN: "Reopening needs a reason.",
      CONFLICT: "Someone else just changed this dossier: reload it.", REASON_NEEDED: "An error is still flagged: give a reason to approve.",
      NO_READABLE_PAGE: "No page of this dossier has text: scan it again, or reject it.",
      TOO_MANY_ATTEMPTS: "Too many failed sign-ins: try again later.", REASON_REJECT: "A rejection needs a reason.",
      FORBIDDEN: "Only an admin may do that.", REGISTRY_UNAVAILABLE: "The database is not answering: try again in a moment.",
    },
  },
};

// Field names as the forms print them.
const FIELD_NAMES = {
  vi: {
    full_name: "Họ, chữ đệm và tên", date_of_birth: "Ngày, tháng, năm sinh", gender: "Giới tính",
    id_number: "Số định danh cá nhân", permanent_address: "Nơi thường trú", temporary_address: "Nơi tạm trú",
    current_address: "Nơi ở hiện tại", phone: "Số điện thoại", email: "Thư điện tử", doc_date: "Ngày văn bản",
    relationship: "Quan hệ với chủ hộ", household_head_name: "Họ, chữ đệm và tên chủ hộ",
    household_head_id_number: "Số định danh cá nhân của chủ hộ", child_name: "Họ, chữ đệm và tên người được khai sinh",
    child_date_of_birth: "Ngày sinh của người được khai sinh", child_gender: "Giới tính của người được khai sinh",
    child_birth_place: "Nơi sinh", child_hometown: "Quê quán", child_ethnicity: "Dân tộc", child_nationality: "Quốc tịch",
    father_name: "Họ, chữ đệm và tên cha", father_date_of_birth: "Năm sinh của cha", father_ethnicity: "Dân tộc của cha",
    father_nationality: "Quốc tịch của cha", father_permanent_address: "Nơi cư trú của cha",
    mother_name: "Họ, chữ đệm và tên mẹ", mother_date_of_birth: "Năm sinh của mẹ", mother_ethnicity: "Dân tộc của mẹ",
    mother_nationality: "Quốc tịch của mẹ", mother_permanent_address: "Nơi cư trú của mẹ",
    representative_name: "Người đại diện", business_name: "Tên hộ kinh doanh", parcel_number: "Thửa đất số",
    map_sheet: "Tờ bản đồ số", members: "Thành viên hộ gia đình",
    doc_kind: "Tên loại văn bản", doc_number: "Số văn bản", doc_symbol: "Ký hiệu văn bản",
    issuer: "Cơ quan ban hành", issuer_parent: "Cơ quan chủ quản", issue_place: "Địa danh ban hành",
    subject: "Trích yếu nội dung", signer_name: "Người ký", signer_title: "Thẩm quyền, chức vụ người ký",
  },
  en: {
    full_name: "Full name", date_of_birth: "Date of birth", gender: "Gender", id_number: "Personal ID number",
    permanent_address: "Permanent address", temporary_address: "Temporary address", current_address: "Current address",
    phone: "Phone", email: "Email", doc_date: "Document date", relationship: "Relationship to the household head",
    household_head_name: "Household head", household_head_id_number: "Household head's ID number",
    child_name: "Child's name", child_date_of_birth: "Child's date of birth", child_gender: "Child's gender",
    child_birth_place: "Place of birth", child_hometown: "Home town", child_ethnicity: "Ethnicity",
    child_nationality: "Nationality", father_name: "Father's name", father_date_of_birth: "Father's year of birth",
    father_ethnicity: "Father's ethnicity", father_nationality: "Father's nationality",
    father_permanent_address: "Father's residence", mother_name: "Mother's name",
    mother_date_of_birth: "Mother's year of birth", mother_ethnicity: "Mother's ethnicity",
    mother_nationality: "Mother's nationality", mother_permanent_address: "Mother's residence",
    representative_name: "Representative", business_name: "Business name", parcel_number: "Parcel number",
    map_sheet: "Map sheet", members: "Household members",
    doc_kind: "Kind of document", doc_number: "Document number", doc_symbol: "Document symbol",
    issuer: "Issuing body", issuer_parent: "Issuing body's parent", issue_place: "Place of issue",
    subject: "Subject", signer_name: "Signer", signer_title: "Signer's authority and title",
  },
};

const DOC_TYPES = {
  vi: { residence_change: "Tờ khai thay đổi thông tin cư trú (CT01)", birth_registration: "Tờ khai đăng ký khai sinh",
        business_household_registration: "Đề nghị đăng ký hộ kinh doanh", citizen_id: "Bản sao thẻ căn cước",
        land_registration: "Đơn đăng ký đất đai", official_letter: "Công văn", decision: "Quyết định",
        resolution: "Nghị quyết", directive: "Chỉ thị", rules: "Quy chế", regulation: "Quy định",
        communique: "Thông cáo", notice: "Thông báo", guidance: "Hướng dẫn", programme: "Chương trình",
        plan: "Kế hoạch", scheme: "Phương án", proposal: "Đề án", project: "Dự án", report: "Báo cáo",
        minutes: "Biên bản", submission: "Tờ trình", contract: "Hợp đồng", dispatch: "Công điện",
        memorandum: "Bản ghi nhớ", agreement: "Bản thỏa thuận", authorisation: "Giấy ủy quyền",
        invitation: "Giấy mời", introduction: "Giấy giới thiệu", leave: "Giấy nghỉ phép",
        transmittal: "Phiếu gửi", transfer_slip: "Phiếu chuyển", notification_slip: "Phiếu báo",
        unknown: "Chưa nhận ra loại", "": "Chưa nhận ra loại" },
  en: { residence_change: "Residence change (CT01)", birth_registration: "Birth registration",
        business_household_registration: "Business household registration", citizen_id: "Citizen ID copy",
        land_registration: "Land registration", official_letter: "Official letter", decision: "Decision",
        resolution: "Resolution", directive: "Directive", rules: "Rules", regulation: "Regulation",
        communique: "Communiqué", notice: "Notice", guidance: "Guidance", programme: "Programme", plan: "Plan",
        scheme: "Scheme", proposal: "Proposal", project: "Project", report: "Report", minutes: "Minutes",
        submission: "Submission", contract: "Contract", dispatch: "Urgent dispatch", memorandum: "Memorandum",
        agreement: "Agreement", authorisation: "Authorisation", invitation: "Invitation",
        introduction: "Letter of introduction", leave: "Leave permit", transmittal: "Transmittal slip",
        transfer_slip: "Transfer slip", notification_slip: "Notification slip",
        unknown: "Type not recognised", "": "Type not recognised" },
};

const FLAG_NAMES = {
  vi: { ADDRESS_OUTDATED: "Địa chỉ cũ", ADDRESS_UPDATED: "Đã cập nhật địa chỉ", ADDRESS_AMBIGUOUS: "Địa chỉ chưa rõ", ADDRESS_UNKNOWN: "Không nhận ra địa chỉ",
        ID_NUMBER_INVALID: "Số định danh không hợp lệ", ID_NUMBER_MISMATCH: "Số định danh không khớp",
        ID_NUMBER_OLD: "Số CMND cũ", ID_SEEN_BEFORE: "Số định danh đã có ở hồ sơ khác", DATE_INVALID: "Ngày không hợp lệ",
        LOW_CONFIDENCE: "Đọc chưa chắc", NO_TEXT: "Không có chữ", FIELD_MISSING: "Thiếu thông tin",
        FIELD_CONFLICT: "Thông tin mâu thuẫn", HANDWRITTEN: "Viết tay", DOC_TYPE_UNKNOWN: "Chưa nhận ra loại giấy tờ", DUPLICATE: "Trùng tệp",
        REVIEW_REJECTED: "Đã từ chối" },
  en: { ADDRESS_OUTDATED: "Outdated address", ADDRESS_UPDATED: "Address updated", ADDRESS_AMBIGUOUS: "Ambiguous address", ADDRESS_UNKNOWN: "Unknown address",
        ID_NUMBER_INVALID: "Invalid ID number", ID_NUMBER_MISMATCH: "ID number mismatch", ID_NUMBER_OLD: "Old ID card number",
        ID_SEEN_BEFORE: "ID in another dossier", DATE_INVALID: "Invalid date", LOW_CONFIDENCE: "Low confidence",
        NO_TEXT: "No text", FIELD_MISSING: "Field missing", FIELD_CONFLICT: "Field conflict", HANDWRITTEN: "Handwritten",
        DOC_TYPE_UNKNOWN: "Document type unknown", DUPLICATE: "Duplicate file", REVIEW_REJECTED: "Rejected" },
};

let LANG = "vi";
function setLanguage(lang) {
  LANG = WORDS[lang] ? lang : "vi";
  document.documentElement.lang = LANG;
  document.title = "hoso — " + WORDS[LANG].station;
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = WORDS[LANG][el.dataset.t];
  for (const el of document.querySelectorAll("[data-tp]")) el.placeholder = WORDS[LANG][el.dataset.tp];
}
function t(key, ...args) {
  const w = WORDS[LANG][key] ?? WORDS.en[key] ?? key;
  return typeof w === "function" ? w(...args) : w;
}
const fieldName = (key) => FIELD_NAMES[LANG][key] || key;
const docTypeName = (type) => DOC_TYPES[LANG][type] ?? type;
const flagName = (code) => FLAG_NAMES[LANG][code] || code;

// Dates as people write them here: dd/mm/yyyy; times in Vietnam's zone.
function showDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso || "";
}
function showTime(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  if (isNaN(d)) return iso;
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit",
    hourCycle: "h23" }).formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}
// A field's value as shown: dates dd/mm/yyyy, gender as the card says it.
function showValue(key, value) {
  if (key === "gender" || key.endsWith("_gender"))
    return { male: LANG === "vi" ? "Nam" : "Male", female: LANG === "vi" ? "Nữ" : "Female" }[value] ?? value;
  if (key === "doc_date" || key.includes("date_of_birth")) return showDate(value);
  return value;
}
