package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// EditList is an editable list of rows under column titles, with a remove
// button on each row and an add button below: the work history, relatives,
// declarations and leaders of the forms.
type EditList struct {
	widget.BaseWidget
	widths []float32
	header *fyne.Container
	rows   *fyne.Container
	Add    *widget.Button
}

// NewEditList returns an empty list; widths are the column widths (0: take
// the space left), onAdd adds a row when the clerk taps 添加.
func NewEditList(titles []string, widths []float32, addLabel string, onAdd func()) *EditList {
	l := &EditList{widths: widths, rows: container.NewVBox()}
	hs := make([]fyne.CanvasObject, 0, len(titles)+1)
	for _, t := range titles {
		lb := widget.NewLabel(t)
		lb.TextStyle.Bold = true
		hs = append(hs, lb)
	}
	hs = append(hs, widget.NewLabel(""))
	l.header = container.New(&Columns{Widths: l.rowWidths()}, hs...)
	l.Add = widget.NewButtonWithIcon(addLabel, theme.ContentAddIcon(), onAdd)
	l.ExtendBaseWidget(l)
	return l
}

func (l *EditList) rowWidths() []float32 {
	return append(append([]float32(nil), l.widths...), 40)
}

// AddRow appends a row of cells; onRemove is called when the clerk removes it.
func (l *EditList) AddRow(onRemove func(), cells ...fyne.CanvasObject) {
	var row *fyne.Container
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	del.Importance = widget.LowImportance
	del.OnTapped = func() {
		l.rows.Remove(row)
		if onRemove != nil {
			onRemove()
		}
	}
	row = container.New(&Columns{Widths: l.rowWidths()}, append(cells, del)...)
	l.rows.Add(row)
}

// Len returns the number of rows.
func (l *EditList) Len() int { return len(l.rows.Objects) }

// RemoveButton returns the remove button of row i, for tests.
func (l *EditList) RemoveButton(i int) *widget.Button {
	objs := l.rows.Objects[i].(*fyne.Container).Objects
	return objs[len(objs)-1].(*widget.Button)
}

// CreateRenderer lays out the titles, the scrolling rows and the add button.
func (l *EditList) CreateRenderer() fyne.WidgetRenderer {
	add := container.NewHBox(l.Add)
	return widget.NewSimpleRenderer(container.NewBorder(l.header, add, nil, nil, container.NewVScroll(l.rows)))
}

// Columns lays out objects side by side with fixed widths; a width of 0
// takes the space left over (shared when several do).
type Columns struct {
	Widths []float32
}

// Layout places the objects.
func (c *Columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	fixed, flex := float32(0), 0
	for i := range objs {
		w := c.width(i)
		if w == 0 {
			flex++
		}
		fixed += w
	}
	rest := size.Width - fixed - pad*float32(len(objs)-1)
	x := float32(0)
	for i, o := range objs {
		w := c.width(i)
		if w == 0 && flex > 0 {
			w = max(rest/float32(flex), 60)
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

// MinSize is the fixed widths and the tallest object.
func (c *Columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	s := fyne.NewSize(0, 0)
	for i, o := range objs {
		w := c.width(i)
		if w == 0 {
			w = 60
		}
		s.Width += w
		if i > 0 {
			s.Width += pad
		}
		s.Height = max(s.Height, o.MinSize().Height)
	}
	return s
}

func (c *Columns) width(i int) float32 {
	if i < len(c.Widths) {
		return c.Widths[i]
	}
	return 0
}
