// Package papers makes the documents (文书) of a round, SPEC §12.1: the
// 巡察公告 of each team, the 关于成立巡察组的通知 of the round, each
// member's 回避告知书 with the pre-filled 回避事项申报表, the 巡察反馈意见
// and the 整改通知书 of each unit, the 问题线索移交函 to each receiving
// body, each member's 巡察人员鉴定表 and the 督办通知 of each unit with
// something overdue; and the reports upward (年度汇报, 每轮综合情况) filled
// with the statistics' figures.
//
// A document is built from plain values (the service fills them from the
// database) and from a template a clerk can adjust in 设置: its title,
// the 主送 line, the body (one paragraph a line; a line beginning 一、 is a
// first-level heading, （一） a second-level one; a placeholder alone on a
// line, such as {巡察组名单}, stands for the table or list the program
// makes) and the 落款. Placeholders are {名称}; each kind lists the ones
// it fills (Placeholders), and Check reports any other.
//
// A built document (Paper) is neutral: WriteDocx lays it out as a .docx
// in the layout of official documents (package docx) and WritePDF as a PDF
// with the embedded font (package pdfdoc). The same data and templates give
// the same bytes.
package papers
