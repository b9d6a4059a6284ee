package vocab

// The words of a round's results (成果运用, SPEC §9).

// Milestones (节点) of a round after the on-site stage, in the order they
// happen (SPEC §9.1).
const (
	MsReportReview   = "巡察报告审核"
	MsLeadersHear    = "领导小组听取"
	MsSecretaryMeet  = "书记专题会"
	MsFeedback       = "反馈"
	MsHandOver       = "移交"
	MsRectifyReport  = "整改报告收到"
	MsRectifyReview  = "整改报告审核"
	MsDutyReport     = "履职情况报告收到"
	MsRectifyPublish = "整改公开"
	MsCheck          = "督查验收"
)

// Milestones lists the milestones in the order they happen.
var Milestones = []string{
	MsReportReview, MsLeadersHear, MsSecretaryMeet, MsFeedback, MsHandOver,
	MsRectifyReport, MsRectifyReview, MsDutyReport, MsRectifyPublish, MsCheck,
}

// FindingCategories lists the default 问题类别 (a setting may change them).
var FindingCategories = []string{"党的领导弱化", "党的建设缺失", "全面从严治党不力", "选人用人问题", "落实巡视巡察整改不力", "其他"}

// Rectification item states (整改状态).
const (
	ItemNotStarted = "未启动"
	ItemInProgress = "整改中"
	ItemDone       = "已完成"
	ItemClosed     = "已销号"
)

// ItemStates lists the states of a rectification item in order.
var ItemStates = []string{ItemNotStarted, ItemInProgress, ItemDone, ItemClosed}

// Review results (审核结果).
const (
	ReviewPass   = "通过"
	ReviewReturn = "退回"
)

// ReviewResults lists the review results.
var ReviewResults = []string{ReviewPass, ReviewReturn}

// ClueCategories lists the 线索类别.
var ClueCategories = []string{"违纪违法", "选人用人", "作风问题", "其他"}

// ClueLevels lists the 涉及人员级别.
var ClueLevels = []string{"县处级", "乡科级", "一般干部", "其他"}

// ClueReceivers lists the 移交对象.
var ClueReceivers = []string{"纪委监委", "组织部", "公安机关", "检察机关", "审计机关", "其他"}

// ClueOutcomes lists the 处置结果.
var ClueOutcomes = []string{"初核", "立案审查", "谈话函询", "了结", "暂存待查", "组织处理", "移送司法", "其他"}
