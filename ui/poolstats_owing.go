package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/assign"
	"xuncha/app/civil"
)

// soonDays: a deadline this near shows in the danger colour.
const soonDays = 90

// owingPanel is the 新提拔待参加巡察 tab of 人员库统计 (SPEC §11.3): every
// newly promoted cadre who owes rounds on the day shown, the earliest
// deadline first, with the rounds to come that already place them, and
// its xlsx.
type owingPanel struct {
	svc    *app.Service
	win    fyne.Window
	note   *widget.Label
	export *widget.Button
	table  *textTable
	rep    *app.OwingReport
	day    civil.Date
}

func newOwingPanel(svc *app.Service, win fyne.Window) *owingPanel {
	return &owingPanel{svc: svc, win: win}
}

// owingOrder is the order of the report's columns on screen (indexes of
// assign.OwingColumns, without 序号): who, and by when, first, so that
// the deadline shows in a window of the least width.
var owingOrder = []int{1, 2, 12, 13, 11, 3, 4, 5, 6, 7, 8, 9, 10, 14}

// owingWidths are the widths of the columns on screen.
var owingWidths = []float32{80, 80, 96, 70, 50, 80, 160, 110, 110, 50, 96, 76, 56, 150}

// owingColDue and owingColLeft are the columns of 截止日期 and 剩余天数 on
// screen, red when the deadline is near.
const owingColDue, owingColLeft = 2, 3

// owingColumns are the column titles on screen.
var owingColumns = func() []string {
	out := make([]string, len(owingOrder))
	for i, k := range owingOrder {
		out[i] = assign.OwingColumns[k]
	}
	return out
}()

func (p *owingPanel) build() fyne.CanvasObject {
	p.note = widget.NewLabel("")
	p.note.Wrapping = fyne.TextWrapBreak
	p.export = widget.NewButtonWithIcon("导出名单", theme.UploadIcon(), p.onExport)
	p.table = newTextTable(owingColumns, owingWidths)
	p.table.warn = func(row, col int) bool {
		return (col == owingColDue || col == owingColLeft) && row < len(p.rep.Rows) && p.rep.Rows[row].DaysLeft <= soonDays
	}
	head := container.NewBorder(nil, nil, nil, p.export, p.note)
	return container.NewBorder(head, nil, nil, nil, p.table.table)
}

// show lists who owes rounds on day.
func (p *owingPanel) show(day civil.Date) error {
	rep, err := p.svc.Owing(day)
	if err != nil {
		return err
	}
	p.rep, p.day = rep, day
	soon := 0
	data := make([][]string, len(rep.Rows))
	for i := range rep.Rows {
		o := &rep.Rows[i]
		cells := assign.OwingCells(i, o)
		row := make([]string, len(owingOrder))
		for j, k := range owingOrder {
			row[j] = fmt.Sprint(cells[k])
		}
		data[i] = row
		if o.DaysLeft <= soonDays {
			soon++
		}
	}
	p.table.set(data)
	p.note.SetText(fmt.Sprintf("%s（%s，全部县区）：尚欠轮次 %d 人，其中 %d 天内到期 %d 人（红色）。编组时程序优先安排，期限早者优先。",
		rep.Text, day, len(rep.Rows), soonDays, soon))
	return nil
}

// title is the tab's title with the count.
func (p *owingPanel) title() string {
	if p.rep == nil {
		return "新提拔待参加巡察"
	}
	return "新提拔待参加巡察（" + strconv.Itoa(len(p.rep.Rows)) + "）"
}

// onExport writes the report shown to an xlsx.
func (p *owingPanel) onExport() {
	day := p.day
	saveXLSX(p.win, "新提拔干部参加巡察情况"+day.String()+".xlsx", func(path string) error {
		_, err := p.svc.ExportOwing(path, day)
		return err
	}, "已导出新提拔干部参加巡察情况")
}
