// Status and Result<T>: how every hoso stage reports success or a named
// failure without exceptions. A rejected input is a Status with a stable
// code string (e.g. "INPUT_TRUNCATED") that ends up in the record's "error".
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace hoso {

enum class ErrorCode {
  kOk = 0,
  kInputNotFound,      // INPUT_NOT_FOUND: the path does not exist or is not readable
  kInputEmpty,         // INPUT_EMPTY: zero bytes
  kInputUnsupported,   // INPUT_UNSUPPORTED: not a PDF, TIFF, JPEG or PNG (by content)
  kInputTruncated,     // INPUT_TRUNCATED: the file ends before its format says it should
  kInputUnreadable,    // INPUT_UNREADABLE: the decoder failed on the content
  kInputTooLarge,      // INPUT_TOO_LARGE: bytes or pixels above the documented limits
  kInputTooSmall,      // INPUT_TOO_SMALL: a page too small to hold text (under 32 pixels a side)
  kInputTooManyPages,  // INPUT_TOO_MANY_PAGES: more pages than the limit
  kInputEncrypted,     // INPUT_ENCRYPTED: a password-protected PDF
  kOcrFailed,          // OCR_FAILED: the OCR engine could not start or read a page
  kOcrTimeout,         // OCR_TIMEOUT: a page took longer than the per-page limit
  kRegistryFailed,     // REGISTRY_FAILED: the database refused the record
  kInvalidArgument,    // INVALID_ARGUMENT: a caller's mistake (options, usage)
  kNotFound,           // NOT_FOUND: no such dossier, user or session
  kConflict,           // CONFLICT: someone changed it first (a stale version)
  kDenied,             // DENIED: wrong password, no session, or not allowed
  kInternal,           // INTERNAL: a bug; reported, never a crash
};

// The stable, upper-case name of a code, as written in records and docs.
const char* ErrorCodeName(ErrorCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(ErrorCode code, std::string message) { return Status(code, std::move(message)); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const char* code_name() const { return ErrorCodeName(code_); }
  std::string ToString() const;

 private:
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT
  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace hoso
