package ledger

import (
	"fmt"
	"unicode/utf8"

	"xuncha/app/vocab"
)

// The field rules of findings, items and clues that the forms, the
// workbook sheets, the unit's file and data packages share (SPEC §9.2).
// Each returns the column and message of the first problem, or "", "".

// MaxDescription is the longest 问题描述, in characters.
const MaxDescription = 500

// MsgClosedNeedsPass is the message for 已销号 without 审核结果 通过.
const MsgClosedNeedsPass = "状态为 已销号 时审核结果须为 通过"

// ItemFields are the fields of an item the rules look at; dates as
// 2006-01-02 text.
type ItemFields struct {
	State, DoneOn, Review, ClosedOn string
}

// ItemProblem holds an item to SPEC §9.2: 已销号 needs 审核结果 通过 and a
// 完成日期, 已完成 a 完成日期, and 销号日期 is not before 完成日期.
func ItemProblem(v ItemFields) (string, string) {
	switch {
	case v.State == vocab.ItemClosed && v.Review != vocab.ReviewPass:
		return "审核结果", MsgClosedNeedsPass
	case (v.State == vocab.ItemClosed || v.State == vocab.ItemDone) && v.DoneOn == "":
		return "完成日期", fmt.Sprintf("状态为 %s 时须填写完成日期", v.State)
	case v.ClosedOn != "" && v.DoneOn != "" && v.ClosedOn < v.DoneOn:
		return "销号日期", fmt.Sprintf("销号日期 %s 早于完成日期 %s", v.ClosedOn, v.DoneOn)
	}
	return "", ""
}

// DescriptionProblem checks the length of a 问题描述.
func DescriptionProblem(desc string) (string, string) {
	if n := utf8.RuneCountInString(desc); n > MaxDescription {
		return "问题描述", fmt.Sprintf("共%d字，超过%d字；全文请留在巡察报告中", n, MaxDescription)
	}
	return "", ""
}

// ClueProblem checks a clue's dates against its 移交日期.
func ClueProblem(handedOn, feedbackDue, feedbackOn string) (string, string) {
	if feedbackDue != "" && feedbackDue < handedOn {
		return "反馈时限", fmt.Sprintf("反馈时限 %s 早于移交日期 %s", feedbackDue, handedOn)
	}
	if feedbackOn != "" && feedbackOn < handedOn {
		return "反馈日期", fmt.Sprintf("反馈日期 %s 早于移交日期 %s", feedbackOn, handedOn)
	}
	return "", ""
}
