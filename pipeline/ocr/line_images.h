// Tesseract 5.3 keeps each line image it reads (ImageData) as a PNG in
// memory: it compresses the line with zlib and decompresses it again a
// moment later to read it (ImageData::SetPixInternal, GetPixInternal).
// That is 3% of all the work hoso does on a letter page (callgrind), paid
// for nothing: the image never leaves memory. While a PlainLineImages is in
// scope on a thread, Leptonica's pixWriteMem asked for a PNG on that thread
// writes an uncompressed PNM instead (pixReadMem reads either); outside
// one, and for any image PNM cannot hold, it writes the PNG asked for. The
// pixels Tesseract reads are the same either way: PNM and PNG are both
// lossless.
//
// How: hoso defines pixWriteMem itself (line_images.cpp). Tesseract's shared
// library calls it by name, and the dynamic linker binds a name to the
// executable's definition before a library's; hoso's passes every call on
// to Leptonica's own (dlsym RTLD_NEXT). Scope it around
// TessBaseAPI::Recognize only: a searchable PDF or hOCR written later, and
// every other PNG hoso writes, are PNGs as asked.
#pragma once

namespace hoso {

class PlainLineImages {
 public:
  PlainLineImages();
  ~PlainLineImages();
  PlainLineImages(const PlainLineImages&) = delete;
  PlainLineImages& operator=(const PlainLineImages&) = delete;

 private:
  bool was_;
};

// Whether a PlainLineImages is in scope on this thread.
bool WritesPlainLineImages();

// How many PNGs asked for were written as PNM, in this process so far: a
// test of the binding (were Tesseract's calls to come to Leptonica
// directly, reading a page would not move it).
long PlainLineImagesWritten();

}  // namespace hoso
