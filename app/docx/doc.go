// Package docx writes the small part of WordprocessingML (.docx, ECMA-376)
// that the program's documents need, laid out as Chinese official
// documents are (公文, after GB/T 9704): A4 with margins of 37 mm (top),
// 35 mm (bottom), 28 mm (left) and 26 mm (right), 22 lines of 28
// characters; the title in 2号 方正小标宋简体, the body in 3号 仿宋_GB2312
// with 黑体 and 楷体_GB2312 for the first two levels of headings; page
// numbers in 4号 宋体 as "— 1 —", on the outside (odd pages right, even
// pages left, one character in); tables with a repeated header row.
//
// Fonts are named, not embedded: a Chinese Windows machine with WPS or
// Word shows them (the eastAsia attribute names the Chinese font, the
// font table names the usual substitutes: 仿宋 for 仿宋_GB2312 …), and a
// machine without them falls back to its own. The output is
// deterministic: the same document gives byte-identical files (fixed zip
// times, entries in a fixed order, no creation date).
//
// The package knows paragraphs with runs, tables, page breaks and
// sections, nothing else; it uses only the standard library.
package docx
