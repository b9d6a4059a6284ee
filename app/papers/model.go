package papers

// Kind is a kind of document.
type Kind string

// The kinds of document, as the command line and the settings name them.
const (
	KindNotice   Kind = "公告"    // 巡察公告, one per team
	KindFound    Kind = "通知"    // 关于成立巡察组的通知, one per round
	KindInform   Kind = "告知书"   // 回避告知书 with the 回避事项申报表, one per member
	KindFeedback Kind = "反馈意见"  // 巡察反馈意见, one per unit
	KindRectify  Kind = "整改通知书" // one per unit with items
	KindHandover Kind = "移交函"   // 问题线索移交函, one per receiving body
	KindAppraise Kind = "鉴定表"   // 巡察人员鉴定表, one per member
	KindUrge     Kind = "督办通知"  // one per unit with something overdue
	KindAnnual   Kind = "年度汇报"  // the year's report upward
	KindSummary  Kind = "综合情况"  // 每轮综合情况: a round's report upward
)

// RoundKinds are the documents of a round, in the order of a round's life.
var RoundKinds = []Kind{KindNotice, KindFound, KindInform, KindFeedback, KindRectify, KindHandover, KindAppraise, KindUrge}

// Title is the document's full name (回避告知书及申报表 …).
func (k Kind) Title() string {
	switch k {
	case KindNotice:
		return "巡察公告"
	case KindFound:
		return "关于成立巡察组的通知"
	case KindInform:
		return "回避告知书及回避事项申报表"
	case KindFeedback:
		return "巡察反馈意见"
	case KindRectify:
		return "整改通知书"
	case KindHandover:
		return "问题线索移交函"
	case KindAppraise:
		return "巡察人员鉴定表"
	case KindUrge:
		return "督办通知"
	case KindAnnual:
		return "年度巡察工作汇报"
	case KindSummary:
		return "每轮巡察综合情况报告"
	}
	return string(k)
}

// ParseKind reads a kind as the command line takes it: its short name
// (公告), its full name (巡察公告), or 申报表 for 告知书.
func ParseKind(s string) (Kind, bool) {
	for _, k := range append(append([]Kind(nil), RoundKinds...), KindAnnual, KindSummary) {
		if s == string(k) || s == k.Title() {
			return k, true
		}
	}
	switch s {
	case "申报表", "回避告知书", "回避事项申报表":
		return KindInform, true
	case "整改通知", "线索移交函", "鉴定", "每轮综合情况", "年度报告":
		return map[string]Kind{"整改通知": KindRectify, "线索移交函": KindHandover, "鉴定": KindAppraise,
			"每轮综合情况": KindSummary, "年度报告": KindAnnual}[s], true
	}
	return "", false
}

// Paper is one built document: its kind, the name of its file (without
// extension, unique among the documents of a round), its title and its
// blocks.
type Paper struct {
	Kind   Kind
	Name   string
	Title  string
	Blocks []Block
}

// BlockKind is what a block is.
type BlockKind int

// The kinds of block.
const (
	BTitle     BlockKind = iota // the document's title: 2号, centred
	BRecipient                  // 主送: flush left
	BBody                       // a body paragraph, first line in by two characters
	BHeading1                   // 一、: 黑体
	BHeading2                   // （一）: 楷体
	BSignature                  // 落款 and 成文日期: flush right, four characters in
	BNote                       // small text under a form
	BTable                      // a table
	BPageBreak                  // the next block starts a new page
)

// Block is a paragraph or a table.
type Block struct {
	Kind  BlockKind
	Text  string
	Table *Table
}

// Table is a table across the text width: columns by relative width,
// rows of cells.
type Table struct {
	Widths []float64
	Rows   []Row
}

// Row is a table row; a head row repeats on every page.
type Row struct {
	Cells     []Cell
	Head      bool
	MinHeight float64 // millimetres; 0: as the text needs
}

// Cell is a table cell spanning Span columns (0: one).
type Cell struct {
	Text   string
	Span   int
	Bold   bool
	Center bool
}
