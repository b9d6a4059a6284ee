package ui

// The user guide inside the program (F1): docs/使用说明.md, embedded, in a
// window of its own with its headings on the left, opened at the section
// of the screen shown.

import (
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"xuncha/docs"
)

// guideSection is a heading of the guide and the text under it.
type guideSection struct {
	title string // the heading without its #s
	level int    // 1 for #, 2 for ##, 3 for ###
	text  string // Markdown from the heading to the next of the same or a higher level
}

// guideImage is a picture of the guide: the program has the text only.
var guideImage = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)

// guideLink is a link inside the guide: its words stay.
var guideLink = regexp.MustCompile(`\[([^\]]+)\]\(#[^)]*\)`)

// guideSections splits the guide at its headings. A section of level 2
// holds its subsections too; pictures become their captions.
func guideSections(md string) []guideSection {
	md = guideImage.ReplaceAllString(md, "*（截图：$1）*")
	md = guideLink.ReplaceAllString(md, "$1")
	lines := strings.Split(md, "\n")
	var out []guideSection
	inCode := false
	for i, l := range lines {
		if strings.HasPrefix(l, "```") {
			inCode = !inCode
		}
		level := headingLevel(l)
		if inCode || level == 0 {
			continue
		}
		end := len(lines)
		fence := false
		for j := i + 1; j < len(lines); j++ {
			if strings.HasPrefix(lines[j], "```") {
				fence = !fence
			}
			if k := headingLevel(lines[j]); !fence && k > 0 && k <= level {
				end = j
				break
			}
		}
		out = append(out, guideSection{title: strings.TrimSpace(strings.TrimLeft(l, "#")), level: level,
			text: strings.Join(lines[i:end], "\n")})
	}
	return out
}

// headingLevel is the level of a Markdown heading line, 0 for other lines.
func headingLevel(l string) int {
	n := len(l) - len(strings.TrimLeft(l, "#"))
	if n == 0 || n > 3 || !strings.HasPrefix(l[n:], " ") {
		return 0
	}
	return n
}

// guideSectionFor is the section that describes the screen titled title:
// the first heading naming it, else the window's overview.
func guideSectionFor(secs []guideSection, title string) int {
	for _, want := range []string{title, "窗口概览"} {
		for i, s := range secs {
			if s.level > 1 && strings.Contains(s.title, want) {
				return i
			}
		}
	}
	return 0
}

// helpWindow is the guide's window.
type helpWindow struct {
	win    fyne.Window
	secs   []guideSection
	shown  []int // the sections listed (the search filters them)
	list   *widget.List
	text   *widget.RichText
	scroll *container.Scroll
	search *widget.Entry
}

// showHelp opens the user guide at the section of the screen shown (F1).
func (m *mainWindow) showHelp() {
	title := ""
	if m.views != nil && m.cur >= 0 {
		title = m.screens[m.cur].title
	}
	h := m.session().help
	if h == nil || h.win == nil {
		h = newHelpWindow(m.app)
		m.session().help = h
		h.win.SetOnClosed(func() { m.session().help = nil })
		h.win.CenterOnScreen()
		h.win.Show()
	}
	h.open(guideSectionFor(h.secs, title))
	h.win.RequestFocus()
}

func newHelpWindow(a fyne.App) *helpWindow {
	h := &helpWindow{secs: guideSections(docs.Guide), text: widget.NewRichText()}
	h.text.Wrapping = fyne.TextWrapBreak
	h.shown = make([]int, len(h.secs))
	for i := range h.secs {
		h.shown[i] = i
	}
	h.list = widget.NewList(func() int { return len(h.shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			s := h.secs[h.shown[i]]
			l := o.(*widget.Label)
			l.TextStyle.Bold = s.level <= 2
			l.SetText(strings.Repeat("　", max(s.level-2, 0)) + s.title)
		})
	h.list.OnSelected = func(i widget.ListItemID) { h.showSection(h.shown[i]) }
	h.search = widget.NewEntry()
	h.search.SetPlaceHolder("查找…")
	h.search.OnChanged = h.onSearch
	h.scroll = container.NewVScroll(h.text)
	left := container.NewBorder(h.search, nil, nil, nil, h.list)
	split := container.NewHSplit(left, h.scroll)
	split.Offset = 0.28
	h.win = a.NewWindow("使用说明 — " + appTitle)
	h.win.SetContent(container.NewStack(split, hookKeys(h.handleKey)))
	h.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { h.handleKey(ev, 0) })
	h.win.Resize(fyne.NewSize(900, 620))
	return h
}

// handleKey closes the guide on Esc.
func (h *helpWindow) handleKey(ev *fyne.KeyEvent, mod fyne.KeyModifier) bool {
	if mod == 0 && ev.Name == fyne.KeyEscape {
		h.win.Close()
		return true
	}
	return false
}

// open shows section i and selects it in the list.
func (h *helpWindow) open(i int) {
	h.search.SetText("")
	h.list.Select(i)
	h.showSection(i)
}

// showSection shows the text of section i from its top.
func (h *helpWindow) showSection(i int) {
	if i < 0 || i >= len(h.secs) {
		return
	}
	h.text.ParseMarkdown(h.secs[i].text)
	h.scroll.ScrollToTop()
}

// onSearch lists the sections whose text holds q.
func (h *helpWindow) onSearch(q string) {
	q = strings.TrimSpace(q)
	h.shown = h.shown[:0]
	for i, s := range h.secs {
		if q == "" || strings.Contains(s.text, q) {
			h.shown = append(h.shown, i)
		}
	}
	h.list.UnselectAll()
	h.list.Refresh()
	if len(h.shown) > 0 && q != "" {
		h.list.Select(0)
	}
}
