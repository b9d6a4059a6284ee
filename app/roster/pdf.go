package roster

import (
	"fmt"

	"xuncha/app/pdfdoc"
)

// The layout of the roster's PDFs is pdfdoc's; these names keep its
// files short.
const (
	marginX = pdfdoc.MarginX
	bodyW   = pdfdoc.BodyW
)

type (
	column     = pdfdoc.Column
	tableStyle = pdfdoc.TableStyle
)

// col is a column of a table.
var col = pdfdoc.Col

// doc is a PDF of this package: pdfdoc's, with the roster's own blocks
// (a team, a service record, a draw record) as methods.
type doc struct{ *pdfdoc.Doc }

// newDoc starts a document titled title with the footer text footer.
func newDoc(title, footer string) (*doc, error) {
	d, err := pdfdoc.New(title, footer)
	if err != nil {
		return nil, err
	}
	d.PageLabel = pageLabel
	return &doc{d}, nil
}

// pageLabel writes the page number of a footer.
func pageLabel(n, of int) string { return fmt.Sprintf("第 %d 页 共 %d 页", n, of) }
