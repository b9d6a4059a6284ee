package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/audit"
	"xuncha/model"
	"xuncha/ui/widgets"
)

// auditPageSize is how many entries a page of the viewer shows.
const auditPageSize = 100

// auditColumns are the columns of the log table, and their widths.
var (
	auditColumns = []string{"序号", "时间", "用户", "操作", "对象", "编码", "变化"}
	auditWidths  = []float32{70, 160, 100, 90, 80, 150, 440}
)

// auditScreen is 审计日志 (管理员, 领导): the log filtered by user, action,
// object, dates and code, a page at a time, newest first; the whole state
// before and after of the chosen entry; the check of the hash chain; and
// the export of what the filter selects.
type auditScreen struct {
	svc  *app.Service
	win  fyne.Window
	work tasks

	page   audit.Page
	offset int
	bad    map[uint]bool // entries the last check found broken

	user, action, entity *widget.Select
	from, to             *widgets.DateEntry
	key                  *widget.Entry
	*rowTable
	pageInfo       *widget.Label
	prev, next     *widget.Button
	verify, export *widget.Button
	note           *widgets.Note // the filter's complaint, or the log cannot be read
	result         *widgets.Note // the check of the chain
	head           *widget.Label
	before, after  *widget.Label
}

func newAuditScreen(svc *app.Service, win fyne.Window) *auditScreen {
	return &auditScreen{svc: svc, win: win, bad: map[uint]bool{}}
}

func (s *auditScreen) build() fyne.CanvasObject {
	changed := func(string) { s.onFilterChanged() }
	s.user = widget.NewSelect(nil, changed)
	s.action = widget.NewSelect(nil, changed)
	s.entity = widget.NewSelect(nil, changed)
	s.from, s.to = widgets.NewDateEntry(), widgets.NewDateEntry()
	s.from.OnChanged, s.to.OnChanged = s.onDateChanged, s.onDateChanged
	s.key = widget.NewEntry()
	s.key.SetPlaceHolder("编码包含…")
	s.key.OnChanged = changed
	s.rowTable = newRowTable(auditColumns, auditWidths, func() int { return len(s.page.Entries) },
		func(r int) string { return strconv.Itoa(int(s.page.Entries[r].ID)) },
		func(r, c int) string { return s.cell(s.page.Entries[r], c) })
	s.onCurrent = s.onSelect
	s.pageInfo = widget.NewLabel("")
	s.prev = widget.NewButtonWithIcon("上一页", theme.NavigateBackIcon(), func() { s.turn(-1) })
	s.next = widget.NewButtonWithIcon("下一页", theme.NavigateNextIcon(), func() { s.turn(1) })
	s.verify = widget.NewButtonWithIcon("校验完整性", theme.ConfirmIcon(), s.onVerify)
	s.export = widget.NewButtonWithIcon("导出 xlsx…", theme.DocumentSaveIcon(), s.onExport)
	s.note, s.result = widgets.NewNote(), widgets.NewNote()
	s.head = widget.NewLabel("在表中单击一条记录，查看修改前后的完整内容。")
	s.head.Wrapping = fyne.TextWrapBreak
	s.before, s.after = detailLabel(), detailLabel()

	s.reload()
	filters := container.NewBorder(nil, nil, container.NewHBox(
		widget.NewLabel("用户"), s.user, widget.NewLabel("操作"), s.action, widget.NewLabel("对象"), s.entity),
		container.NewHBox(s.verify, s.export), s.key)
	actions := container.NewHBox(widget.NewLabel("日期"), sized(s.from, 130), widget.NewLabel("至"), sized(s.to, 130),
		layout.NewSpacer(), s.prev, s.pageInfo, s.next)
	top := container.NewVBox(filters, actions, s.note, s.result)
	detail := container.NewBorder(s.head, nil, nil, nil, container.NewGridWithColumns(2,
		titled("修改前", s.before), titled("修改后", s.after)))
	split := container.NewVSplit(s.table, detail)
	split.Offset = 0.6
	return container.NewBorder(top, nil, nil, nil, split)
}

// detailLabel is a selectable, wrapping label for a JSON state.
func detailLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapBreak
	l.Selectable = true
	return l
}

// titled puts a bold title over o, which scrolls.
func titled(title string, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		nil, nil, nil, container.NewVScroll(o))
}

// sized gives o a fixed width.
func sized(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(width, o.MinSize().Height), o)
}

// reload reads the filter choices and the current page again.
func (s *auditScreen) reload() {
	f, err := s.svc.AuditFacets()
	if err != nil {
		s.note.Error(err)
		s.verify.Disable()
		s.export.Disable()
	}
	for _, c := range []struct {
		w    *widget.Select
		opts []string
	}{{s.user, f.Users}, {s.action, f.Actions}, {s.entity, f.Entities}} {
		c.w.Options = append([]string{all}, c.opts...)
		if c.w.Selected == "" {
			c.w.Selected = all
		}
		c.w.Refresh()
	}
	if err == nil {
		s.query()
	}
}

// filter is what the filter bar says, without paging.
func (s *auditScreen) filter() audit.Filter {
	pick := func(w *widget.Select) string {
		if w.Selected == all {
			return ""
		}
		return w.Selected
	}
	return audit.Filter{User: pick(s.user), Action: pick(s.action), Entity: pick(s.entity),
		Key: strings.TrimSpace(s.key.Text), From: s.from.Date(), To: s.to.Date()}
}

func (s *auditScreen) onFilterChanged() {
	if s.rowTable == nil || s.to == nil {
		return
	}
	s.offset = 0
	s.query()
}

// onDateChanged queries when both dates read as dates (or are empty).
func (s *auditScreen) onDateChanged(string) {
	if widgets.ValidateDate(s.from.Text) != nil || widgets.ValidateDate(s.to.Text) != nil {
		s.note.Fail("日期应写成 2026-03-01")
		return
	}
	s.onFilterChanged()
}

// query reads the page at offset.
func (s *auditScreen) query() {
	f := s.filter()
	f.Limit, f.Offset = auditPageSize, s.offset
	p, err := s.svc.AuditLog(f)
	if err != nil {
		s.note.Error(err)
		p = audit.Page{}
	} else {
		s.note.Clear()
	}
	s.page = p
	pages := max(1, int((p.Total+auditPageSize-1)/auditPageSize))
	s.pageInfo.SetText(fmt.Sprintf("第 %d / %d 页，共 %d 条", s.offset/auditPageSize+1, pages, p.Total))
	enable(s.prev, s.offset > 0)
	enable(s.next, int64(s.offset+auditPageSize) < p.Total)
	s.table.Refresh()
	s.table.ScrollToTop()
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// turn goes dir pages on.
func (s *auditScreen) turn(dir int) {
	s.offset = max(0, s.offset+dir*auditPageSize)
	s.query()
}

// cell is column col of an entry.
func (s *auditScreen) cell(e model.AuditEntry, col int) string {
	switch col {
	case 0:
		if s.bad[e.ID] {
			return "⚠ " + strconv.Itoa(int(e.ID))
		}
		return strconv.Itoa(int(e.ID))
	case 1:
		return audit.Shown(e.At)
	case 2:
		return e.User
	case 3:
		return e.Action
	case 4:
		return e.Entity
	case 5:
		return e.Key
	}
	return audit.Ledger(e)
}

// onSelect shows the whole of the current entry below the table.
func (s *auditScreen) onSelect() {
	r := s.rowOf(s.cur)
	if r < 0 {
		return
	}
	e := s.page.Entries[r]
	s.head.SetText(fmt.Sprintf("第 %d 条　%s　%s　%s %s %s", e.ID, audit.Shown(e.At), e.User, e.Action, e.Entity, e.Key))
	s.before.SetText(audit.Detail(e.Entity, e.Key, e.Before))
	s.after.SetText(audit.Detail(e.Entity, e.Key, e.After))
}

// onVerify checks the hash chain of the whole log.
func (s *auditScreen) onVerify() {
	var ps []audit.Problem
	s.work.busy(s.win, "正在校验审计日志…", func() error {
		var err error
		ps, err = s.svc.VerifyAudit()
		return err
	}, func(err error) {
		if err != nil {
			s.result.Error(err)
			return
		}
		s.bad = map[uint]bool{}
		for _, p := range ps {
			s.bad[p.ID] = true
		}
		s.result.Error(nil)
		if len(ps) == 0 {
			s.result.OK("审计日志完整：每一条记录与其哈希相符，前后链接没有断开。")
		} else {
			s.result.Fail(problemsText(ps))
		}
		s.query() // the page as it is now, marked
	})
}

// problemsText lists the broken entries, at most ten.
func problemsText(ps []audit.Problem) string {
	lines := []string{fmt.Sprintf("审计日志有 %d 处异常（表中以 ⚠ 标出）：", len(ps))}
	for i, p := range ps {
		if i == 10 {
			lines = append(lines, fmt.Sprintf("……另有 %d 处，请导出 xlsx 查看", len(ps)-10))
			break
		}
		lines = append(lines, p.Message)
	}
	return strings.Join(lines, "\n")
}

// onExport writes what the filter selects, with the check of the chain, to
// an xlsx workbook.
func (s *auditScreen) onExport() {
	f := s.filter()
	saveXLSX(s.win, "审计日志.xlsx", func(path string) error {
		_, err := s.svc.ExportAudit(f, path)
		return err
	}, "已导出审计日志（含完整性校验）")
}

// keySearch puts the cursor in the code filter (Ctrl+F).
func (s *auditScreen) keySearch() { focus(s.win, s.key) }
