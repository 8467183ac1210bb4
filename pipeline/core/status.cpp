#include "core/status.h"

namespace hoso {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "OK";
    case ErrorCode::kInputNotFound: return "INPUT_NOT_FOUND";
    case ErrorCode::kInputEmpty: return "INPUT_EMPTY";
    case ErrorCode::kInputUnsupported: return "INPUT_UNSUPPORTED";
    case ErrorCode::kInputTruncated: return "INPUT_TRUNCATED";
    case ErrorCode::kInputUnreadable: return "INPUT_UNREADABLE";
    case ErrorCode::kInputTooLarge: return "INPUT_TOO_LARGE";
    case ErrorCode::kInputTooSmall: return "INPUT_TOO_SMALL";
    case ErrorCode::kInputTooManyPages: return "INPUT_TOO_MANY_PAGES";
    case ErrorCode::kInputEncrypted: return "INPUT_ENCRYPTED";
    case ErrorCode::kOcrFailed: return "OCR_FAILED";
    case ErrorCode::kOcrTimeout: return "OCR_TIMEOUT";
    case ErrorCode::kRegistryFailed: return "REGISTRY_FAILED";
    case ErrorCode::kInvalidArgument: return "INVALID_ARGUMENT";
    case ErrorCode::kNotFound: return "NOT_FOUND";
    case ErrorCode::kConflict: return "CONFLICT";
    case ErrorCode::kDenied: return "DENIED";
    case ErrorCode::kInternal: return "INTERNAL";
  }
  return "INTERNAL";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  return std::string(code_name()) + ": " + message_;
}

}  // namespace hoso
