package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/htmlindex"

	"xuncha/app/safezip"
)

// xmlGuard sits between a zip entry and encoding/xml and bounds what the
// decoder can be made to hold: a token (text, a tag with its attributes, a
// comment, CDATA, a processing instruction) of more than max bytes is an
// error, and so is a document type declaration (entities have no business
// in a workbook). The decoder buffers one token at a time, so its memory
// stays within max; a part of spaces or one huge shared string is refused
// as soon as the run passes max, without being held.
type xmlGuard struct {
	r     io.Reader
	max   int
	run   int    // bytes of the current token so far
	state int    // one of the guard states below
	tail  []byte // the bytes after "<!" still deciding what follows
	prev  [2]byte
}

const (
	gText    = iota // text and tags: a token ends at the next '<'
	gOpen           // just after '<'
	gBang           // after "<!": a comment or CDATA must follow
	gPI             // inside <? … ?>
	gComment        // inside <!-- … -->
	gCDATA          // inside <![CDATA[ … ]]>
)

var (
	errXMLToken   = overLimit("有一段超过 1 MB 的连续内容（一个单元格的文字或空白），正常的工作簿没有")
	errXMLDoctype = errors.New("XML 中有工作簿不会有的声明（<!DOCTYPE 等）")
)

func (g *xmlGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if gerr := g.scan(p[:n]); gerr != nil {
		return 0, gerr
	}
	return n, err
}

// scan follows the token boundaries through b.
func (g *xmlGuard) scan(b []byte) error {
	for len(b) > 0 {
		switch g.state {
		case gText:
			i := bytes.IndexByte(b, '<')
			if i < 0 {
				g.run += len(b)
				b = nil
				break
			}
			if g.run+i > g.max {
				return errXMLToken
			}
			g.run, g.state = 1, gOpen
			b = b[i+1:]
		case gOpen:
			switch b[0] {
			case '?':
				g.state, g.prev = gPI, [2]byte{}
			case '!':
				g.state, g.tail = gBang, g.tail[:0]
			default:
				g.state = gText
				continue
			}
			g.run++
			b = b[1:]
		case gBang:
			g.tail = append(g.tail, b[0])
			g.run++
			b = b[1:]
			switch t := string(g.tail); {
			case t == "--":
				g.state, g.prev = gComment, [2]byte{}
			case t == "[CDATA[":
				g.state, g.prev = gCDATA, [2]byte{}
			case !strings.HasPrefix("--", t) && !strings.HasPrefix("[CDATA[", t):
				return errXMLDoctype
			}
		default: // inside a comment, CDATA or processing instruction
			i := bytes.IndexByte(b, '>')
			if i < 0 {
				g.run += len(b)
				g.remember(b)
				b = nil
				break
			}
			g.run += i + 1
			before := g.prev
			switch {
			case i >= 2:
				before = [2]byte{b[i-2], b[i-1]}
			case i == 1:
				before = [2]byte{g.prev[1], b[0]}
			}
			g.remember(b[:i+1])
			b = b[i+1:]
			if g.state == gPI && before[1] == '?' || g.state == gComment && before == [2]byte{'-', '-'} ||
				g.state == gCDATA && before == [2]byte{']', ']'} {
				if g.run > g.max {
					return errXMLToken
				}
				g.state, g.run = gText, 0
			}
		}
		if g.run > g.max {
			return errXMLToken
		}
	}
	return nil
}

// remember keeps the last two bytes seen, for terminators split across
// reads.
func (g *xmlGuard) remember(b []byte) {
	switch {
	case len(b) >= 2:
		g.prev = [2]byte{b[len(b)-2], b[len(b)-1]}
	case len(b) == 1:
		g.prev = [2]byte{g.prev[1], b[0]}
	}
}

// xmlPart is one XML part of a workbook being read, token by token. It
// refuses what is not well-formed and complete (a part cut after a
// complete element included), nesting deeper than maxDepth, and, through
// its guard, tokens over maxToken bytes. Reading to the end checks the
// zip's CRC.
type xmlPart struct {
	name  string
	rc    io.ReadCloser
	dec   *xml.Decoder
	depth int
	root  bool // the root element was seen
	lim   *limits
}

// openPart opens an XML part of the workbook.
func openPart(zr *safezip.Reader, f *zip.File, lim *limits) (*xmlPart, error) {
	rc, err := zr.Open(f)
	if err != nil {
		return nil, err
	}
	dec := xml.NewDecoder(&xmlGuard{r: rc, max: lim.xmlToken})
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		enc, err := htmlindex.Get(label)
		if err != nil {
			return nil, fmt.Errorf("不支持的编码 %q", label)
		}
		return enc.NewDecoder().Reader(in), nil
	}
	return &xmlPart{name: f.Name, rc: rc, dec: dec, lim: lim}, nil
}

// errXMLDepth is nesting beyond what any workbook part has.
var errXMLDepth = overLimit("XML 的嵌套超过 64 层，正常的工作簿没有")

// token returns the next token, io.EOF at the end of a complete part.
func (x *xmlPart) token() (xml.Token, error) {
	t, err := x.dec.Token()
	if err == io.EOF {
		if !x.root {
			return nil, errors.New("XML 内容为空")
		}
		return nil, io.EOF
	}
	if err != nil {
		return nil, err
	}
	switch t.(type) {
	case xml.StartElement:
		if x.depth == 0 && x.root {
			return nil, errors.New("XML 有多个根元素")
		}
		x.root = true
		if x.depth++; x.depth > x.lim.xmlDepth {
			return nil, errXMLDepth
		}
	case xml.EndElement:
		x.depth--
	}
	return t, nil
}

// text reads the character data up to the end of the element just
// started, with nothing nested in it.
func (x *xmlPart) text() (string, error) {
	var b []byte
	for {
		t, err := x.token()
		if err != nil {
			return "", err
		}
		switch t := t.(type) {
		case xml.CharData:
			b = append(b, t...)
		case xml.EndElement:
			return string(b), nil
		case xml.StartElement:
			if err := x.skip(); err != nil {
				return "", err
			}
		}
	}
}

// skip reads past the end of the element just started.
func (x *xmlPart) skip() error {
	for d := 1; d > 0; {
		t, err := x.token()
		if err != nil {
			return err
		}
		switch t.(type) {
		case xml.StartElement:
			d++
		case xml.EndElement:
			d--
		}
	}
	return nil
}

// finish reads the rest of the part, so that what follows the last element
// read is checked too, and the CRC with it.
func (x *xmlPart) finish() error {
	for {
		if _, err := x.token(); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}

func (x *xmlPart) close() { x.rc.Close() }

// attr returns the value of the attribute named local.
func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
