// Tesseract 5.3 keeps each line image it reads (ImageData) as a PNG in
// memory: it compresses the line with zlib and decompresses it again a
// moment later to read it (ImageData::SetPixInternal, GetPixInternal).
// That is 3.5% of all the work hoso does on a letter page (callgrind: 0.70
// G instructions of 19.8 G on the real Kodak letter's two pages), paid for
// nothing: the image never leaves memory. (Leptonica's uncompressed PNM
// costs as much: it writes and parses the pixels one by one.) While a
// PlainLineImages is in scope on a thread, Leptonica's pixWriteMem asked
// for a PNG on that thread copies the image's words as they lie, behind a
// header of its own, and pixReadMem given such a copy rebuilds the image
// from it: the same pixels, for two memcpys. Outside one, and for an image
// with a colour map, every call is Leptonica's own.
//
// How: hoso defines pixWriteMem and pixReadMem itself (line_images.cpp).
// Tesseract's shared library calls them by name, and the dynamic linker
// binds a name to the executable's definition before a library's; hoso's
// pass every other call on to Leptonica's own (dlsym RTLD_NEXT). Scope it
// around TessBaseAPI::Recognize only: a searchable PDF or hOCR written
// later, every other PNG hoso writes and every file it reads are
// Leptonica's as ever.
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

// How many PNGs asked for were copied as they lie, in this process so far: a
// test of the binding (were Tesseract's calls to come to Leptonica
// directly, reading a page would not move it).
long PlainLineImagesWritten();

}  // namespace hoso
