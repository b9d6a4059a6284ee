package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"xuncha/app"
	"xuncha/app/civil"
	"xuncha/app/ledger"
)

// overviewResults is the overview's 整改台账 tab (SPEC §9.2): per round and
// jurisdiction the rectification rate and what is overdue — items, clues,
// milestones — with a drill-down into the 督办 list.
type overviewResults struct {
	svc   *app.Service
	win   fyne.Window
	drill func(ledger.Filter) // opens the 督办 list; may be nil
	table *textTable
	figs  []ledger.Figure
	total *widget.Label
	obj   fyne.CanvasObject
	tab   *container.TabItem
	at    int // its place among the tabs
}

// place inserts the tab among tabs at index at.
func (r *overviewResults) place(tabs *container.AppTabs, at int) {
	r.tab, r.at = container.NewTabItem("整改台账", r.obj), at
	items := append([]*container.TabItem{}, tabs.Items[:at]...)
	items = append(items, r.tab)
	tabs.Items = append(items, tabs.Items[at:]...)
}

// listTab is the overview's own list tab i, counting around this one.
func (r *overviewResults) listTab(tabs *container.AppTabs, i int) *container.TabItem {
	if r.tab != nil && i >= r.at {
		i++
	}
	return tabs.Items[i]
}

func newOverviewResults(svc *app.Service, win fyne.Window) *overviewResults {
	r := &overviewResults{svc: svc, win: win}
	r.table = newTextTable([]string{"轮次", "县区", "整改措施", "已完成", "已销号", "整改率", "逾期措施", "逾期线索", "逾期节点"},
		[]float32{76, 90, 70, 60, 60, 70, 70, 70, 70})
	r.table.warn = func(row, col int) bool { return col >= 6 && r.table.data[row][col] != "0" }
	r.table.table.OnSelected = func(id widget.TableCellID) {
		r.table.table.UnselectAll()
		if id.Row < len(r.figs) && r.drill != nil {
			f := r.figs[id.Row]
			r.drill(ledger.Filter{Round: f.Round, County: f.County, Urgency: []ledger.Urgency{ledger.UrgOverdue}})
		}
	}
	r.total = widget.NewLabel("")
	r.total.Wrapping = fyne.TextWrapBreak
	hint := widget.NewLabel("点一行查看该轮次、该县区逾期未办的督办事项。")
	r.obj = container.NewBorder(container.NewVBox(r.total, hint), nil, nil, nil, r.table.table)
	return r
}

// show reads the figures on today; count is the number of rows with
// something overdue, for the tab's title.
func (r *overviewResults) show(today civil.Date, countyName func(string) string) int {
	figs, err := r.svc.LedgerFigures(today)
	if err != nil {
		dialog.ShowError(err, r.win)
		return 0
	}
	r.figs = figs
	var rows [][]string
	var items, done, overdue, clues, ms, late int
	for _, f := range figs {
		rows = append(rows, []string{f.Round, countyName(f.County), strconv.Itoa(f.Items), strconv.Itoa(f.Done), strconv.Itoa(f.Closed),
			percent(f.Rate, f.Items), strconv.Itoa(f.ItemsOverdue), strconv.Itoa(f.CluesOverdue), strconv.Itoa(f.MilestonesOverdue)})
		items += f.Items
		done += f.Done + f.Closed
		overdue += f.ItemsOverdue
		clues += f.CluesOverdue
		ms += f.MilestonesOverdue
		if f.ItemsOverdue+f.CluesOverdue+f.MilestonesOverdue > 0 {
			late++
		}
	}
	r.table.set(rows)
	r.total.SetText(fmt.Sprintf("全部轮次：整改措施 %d 条，整改率 %s；逾期整改措施 %d 条，逾期未反馈线索 %d 条，逾期节点 %d 个。",
		items, percent(ledger.Rate(done, items), items), overdue, clues, ms))
	return late
}
