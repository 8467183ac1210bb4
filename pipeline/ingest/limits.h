// The page-size limit shared by the raster and PDF readers.
#pragma once

#include <cstdint>
#include <string>

#include "ingest/ingest.h"

namespace hoso {

// INPUT_TOO_LARGE (or INPUT_TOO_SMALL) when a w x h page breaks options' limits; `where` names
// the page in the message (e.g. " (page 3)").
inline Status CheckPageSize(std::int64_t w, std::int64_t h, const std::string& where, const IngestOptions& options) {
  if (w < 1 || h < 1) return Status::Error(ErrorCode::kInputUnreadable, "the page has no pixels" + where);
  // Smaller than a line of text: nothing to read, and too small for the
  // cleanup's reductions.
  if (w < options.min_page_side || h < options.min_page_side)
    return Status::Error(ErrorCode::kInputTooSmall, "the page is " + std::to_string(w) + " x " + std::to_string(h) +
                                                        " pixels" + where + "; the smallest is " +
                                                        std::to_string(options.min_page_side) + " per side");
  if (w > options.max_page_side || h > options.max_page_side || w * h > options.max_page_pixels)
    return Status::Error(ErrorCode::kInputTooLarge, "the page is " + std::to_string(w) + " x " + std::to_string(h) +
                                                        " pixels" + where + "; the limit is " +
                                                        std::to_string(options.max_page_pixels) + " pixels and " +
                                                        std::to_string(options.max_page_side) + " per side");
  return Status::Ok();
}

}  // namespace hoso
