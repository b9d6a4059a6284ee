// Package docxtext reads a .docx the way an independent reader would, for
// tests: it opens the zip, checks that every XML part parses, and returns
// the text of word/document.xml paragraph by paragraph (w:t joined, w:tab
// as a tab, w:br as a newline), table cells included. It shares no code
// with the writer (app/docx).
package docxtext

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"
)

// File is what a .docx holds, as read.
type File struct {
	Names      []string          // the zip's entries, in the zip's order
	Parts      map[string][]byte // every entry's bytes
	Paragraphs []string          // the document's paragraphs, in order
	Styles     []string          // each paragraph's style id ("" when none)
	Tables     int               // tables in the body
}

// Text is every paragraph joined by newlines.
func (f *File) Text() string { return strings.Join(f.Paragraphs, "\n") }

// ReadFile reads the .docx at path.
func ReadFile(path string) (*File, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Read(b)
}

// Read reads a .docx from its bytes.
func Read(b []byte) (*File, error) {
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, fmt.Errorf("not a zip: %w", err)
	}
	f := &File{Parts: map[string][]byte{}}
	for _, e := range z.File {
		rc, err := e.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.Name, err)
		}
		f.Names = append(f.Names, e.Name)
		f.Parts[e.Name] = data
		if strings.HasSuffix(e.Name, ".xml") || strings.HasSuffix(e.Name, ".rels") {
			if err := wellFormed(data); err != nil {
				return nil, fmt.Errorf("%s: %w", e.Name, err)
			}
		}
	}
	doc, ok := f.Parts["word/document.xml"]
	if !ok {
		return nil, fmt.Errorf("no word/document.xml")
	}
	if err := f.readBody(doc); err != nil {
		return nil, err
	}
	return f, nil
}

// wellFormed parses data to its end.
func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

const nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// readBody collects the paragraphs of document.xml.
func (f *File) readBody(doc []byte) error {
	d := xml.NewDecoder(bytes.NewReader(doc))
	var cur strings.Builder
	inPara, inText := false, false
	style := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != nsW {
				continue
			}
			switch t.Name.Local {
			case "p":
				inPara, style = true, ""
				cur.Reset()
			case "pStyle":
				for _, a := range t.Attr {
					if a.Name.Local == "val" {
						style = a.Value
					}
				}
			case "t":
				inText = true
			case "tab":
				if inPara {
					cur.WriteByte('\t')
				}
			case "br":
				if inPara {
					cur.WriteByte('\n')
				}
			case "tbl":
				f.Tables++
			}
		case xml.EndElement:
			if t.Name.Space != nsW {
				continue
			}
			switch t.Name.Local {
			case "p":
				f.Paragraphs = append(f.Paragraphs, cur.String())
				f.Styles = append(f.Styles, style)
				inPara = false
			case "t":
				inText = false
			}
		case xml.CharData:
			if inText {
				cur.Write(t)
			}
		}
	}
}
