// Package datapkg moves data between offices as one file: the chosen
// counties' units, people and past rosters, with a manifest and SHA-256
// checksums, optionally encrypted with a passphrase (AES-256-GCM, key from
// scrypt). Importing shows first what would be added, updated or is in
// conflict, then merges by code in one transaction with its audit entry. A
// tampered, truncated or foreign file is refused with a clear message.
package datapkg

// Format and Version name the package format in the manifest.
const (
	Format  = "xuncha-datapkg"
	Version = 1
)

// Ext is the usual file extension of a data package.
const Ext = ".xpkg"

// File names inside the zip.
const (
	manifestName  = "manifest.json"
	dataName      = "data.json"
	encryptedName = "data.json.enc"
)

// Manifest describes a package: what it holds and how to check it.
type Manifest struct {
	Format     string      `json:"format"`
	Version    int         `json:"version"`
	Schema     int         `json:"schema"` // the database schema version it was written from
	Created    string      `json:"created"`
	Counties   []string    `json:"counties"` // the counties chosen for export
	Counts     []Count     `json:"counts"`   // rows per entity, for the preview
	Encryption *Encryption `json:"encryption,omitempty"`
	// CluesLeftOut says the exporting user had no 线索管理: the package
	// holds no clue rows, whatever the database had.
	CluesLeftOut bool      `json:"cluesLeftOut,omitempty"`
	Files        []FileSum `json:"files"`
}

// Count is how many rows of one entity a package holds.
type Count struct {
	Entity string `json:"entity"`
	Rows   int    `json:"rows"`
}

// FileSum is the checksum of one file of the package.
type FileSum struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Encryption says how the data file was encrypted.
type Encryption struct {
	Cipher string `json:"cipher"` // AES-256-GCM
	KDF    string `json:"kdf"`    // scrypt
	N      int    `json:"n"`
	R      int    `json:"r"`
	P      int    `json:"p"`
	Salt   []byte `json:"salt"`
	Nonce  []byte `json:"nonce"`
}

// Data is the content of a package: plain rows keyed by codes, independent
// of the database's surrogate ids.
type Data struct {
	Counties     []County      `json:"counties"`
	Units        []Unit        `json:"units"`
	Leaders      []Leader      `json:"leaders"`
	People       []Person      `json:"people"`
	History      []History     `json:"history"`
	Relatives    []Relative    `json:"relatives"`
	Declarations []Declaration `json:"declarations"`
	Terms        []Term        `json:"terms"`
	Rounds       []Round       `json:"rounds"`
	Teams        []Team        `json:"teams"`
	TeamUnits    []TeamUnit    `json:"teamUnits"`
	Members      []Member      `json:"members"`
	// Added with the people over the years; a package without them
	// (written before) reads as having none.
	Ties      []Tie      `json:"ties,omitempty"`
	Trainings []Training `json:"trainings,omitempty"`
	TeamEvals []TeamEval `json:"teamEvals,omitempty"`
	// Added with the results of a round (SPEC §9).
	Milestones []Milestone `json:"milestones,omitempty"`
	Findings   []Finding   `json:"findings,omitempty"`
	Items      []Item      `json:"items,omitempty"`
	Clues      []Clue      `json:"clues,omitempty"`
	// Added with the city and the term plan (SPEC §8).
	Plans []Plan `json:"plans,omitempty"`
}

// County is a 县区.
type County struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Level string `json:"level,omitempty"` // 级别 (SPEC §8.1)
}

// Unit is a 单位; Parent is the 上级单位编码 or "".
type Unit struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	County   string `json:"county"`
	Category string `json:"category"`
	Parent   string `json:"parent,omitempty"`
	Sectors  string `json:"sectors,omitempty"`  // 领域 (SPEC §8.2)
	Priority string `json:"priority,omitempty"` // 重点等级
}

// Leader is a 班子成员, keyed by unit and name.
type Leader struct {
	Unit     string `json:"unit"`
	Name     string `json:"name"`
	Post     string `json:"post,omitempty"`
	IDNumber string `json:"idNumber,omitempty"`
}

// Person is a pool member (人员).
type Person struct {
	Code        string `json:"code"`
	Name        string `json:"name"`
	Gender      string `json:"gender,omitempty"`
	BirthDate   string `json:"birthDate,omitempty"`
	IDNumber    string `json:"idNumber,omitempty"`
	HomeCounty  string `json:"homeCounty"`
	NativePlace string `json:"nativePlace,omitempty"`
	CurrentUnit string `json:"currentUnit,omitempty"`
	Post        string `json:"post,omitempty"`
	Rank        string `json:"rank,omitempty"`
	LeaderPool  bool   `json:"leaderPool,omitempty"`
	StaffPool   bool   `json:"staffPool,omitempty"`
	ExpertPool  bool   `json:"expertPool,omitempty"`
	FullTime    bool   `json:"fullTime,omitempty"`
	Skills      string `json:"skills,omitempty"`
	Status      string `json:"status"`
	PromotedOn  string `json:"promotedOn,omitempty"`
	// SPEC §11.1
	RecommendUnit string `json:"recommendUnit,omitempty"`
	JoinedOn      string `json:"joinedOn,omitempty"`
	StatusReason  string `json:"statusReason,omitempty"`
}

// History is one 工作经历 stint, keyed by person, unit and start.
type History struct {
	Person string `json:"person"`
	Unit   string `json:"unit"`
	Start  string `json:"start"`
	End    string `json:"end,omitempty"`
}

// Relative is a 亲属关系 row, keyed by person and the relative's name.
type Relative struct {
	Person         string `json:"person"`
	Name           string `json:"name"`
	Relation       string `json:"relation"`
	IDNumber       string `json:"idNumber,omitempty"`
	RelativePerson string `json:"relativePerson,omitempty"`
	Unit           string `json:"unit,omitempty"`
	Post           string `json:"post,omitempty"`
	Leadership     bool   `json:"leadership,omitempty"`
}

// Declaration is a 回避申报, keyed by person and unit.
type Declaration struct {
	Person         string `json:"person"`
	Unit           string `json:"unit"`
	Reason         string `json:"reason"`
	Source         string `json:"source,omitempty"`
	Handling       string `json:"handling,omitempty"`
	Handler        string `json:"handler,omitempty"`
	HandlingReason string `json:"handlingReason,omitempty"`
}

// Term is a 届期.
type Term struct {
	Code  string `json:"code"`
	Name  string `json:"name,omitempty"`
	Start string `json:"start"`
	End   string `json:"end"`
}

// Round is a 轮次 with its stage dates.
type Round struct {
	Code         string `json:"code"`
	Term         string `json:"term"`
	Number       int    `json:"number"`
	Name         string `json:"name,omitempty"`
	Type         string `json:"type,omitempty"`
	Mode         string `json:"mode,omitempty"`
	PrepStart    string `json:"prepStart,omitempty"`
	OnsiteStart  string `json:"onsiteStart,omitempty"`
	OnsiteEnd    string `json:"onsiteEnd,omitempty"`
	ReportEnd    string `json:"reportEnd,omitempty"`
	FeedbackDate string `json:"feedbackDate,omitempty"`
	RectifyDue   string `json:"rectifyDue,omitempty"`
	CheckDate    string `json:"checkDate,omitempty"`
	// SPEC §8.1
	Level           string `json:"level,omitempty"`
	Links           string `json:"links,omitempty"`
	JointUnits      string `json:"jointUnits,omitempty"`
	JointCategories string `json:"jointCategories,omitempty"`
}

// Team is a 巡察组, keyed by round and name.
type Team struct {
	Round       string `json:"round"`
	Name        string `json:"name"`
	Seq         int    `json:"seq"`
	OnsiteStart string `json:"onsiteStart,omitempty"`
	OnsiteEnd   string `json:"onsiteEnd,omitempty"`
}

// TeamUnit is a unit a team inspects, keyed by round and unit.
type TeamUnit struct {
	Round          string `json:"round"`
	Team           string `json:"team"`
	Unit           string `json:"unit"`
	ReportReceived string `json:"reportReceived,omitempty"`
}

// Member is a 编组记录 row, keyed by round, team and person.
type Member struct {
	Round      string `json:"round"`
	Team       string `json:"team"`
	Person     string `json:"person"`
	Role       string `json:"role"`
	Evaluation string `json:"evaluation,omitempty"`
	Comment    string `json:"comment,omitempty"`
	Locked     bool   `json:"locked,omitempty"`
	EvalState  string `json:"evalState,omitempty"`
}

// Tie is a 社会关系 row, keyed by person, the other person's name and the
// kind of tie.
type Tie struct {
	Person     string `json:"person"`
	Name       string `json:"name"`
	Relation   string `json:"relation"`
	IDNumber   string `json:"idNumber,omitempty"`
	TiePerson  string `json:"tiePerson,omitempty"`
	Unit       string `json:"unit,omitempty"`
	Post       string `json:"post,omitempty"`
	Leadership bool   `json:"leadership,omitempty"`
	End        string `json:"end,omitempty"`
}

// Training is a 培训记录 row, keyed by person, name and start.
type Training struct {
	Person string  `json:"person"`
	Name   string  `json:"name"`
	Start  string  `json:"start"`
	End    string  `json:"end,omitempty"`
	Hours  float64 `json:"hours,omitempty"`
}

// TeamEval is a team's own 鉴定, keyed by round and team.
type TeamEval struct {
	Round   string `json:"round"`
	Team    string `json:"team"`
	Grade   string `json:"grade,omitempty"`
	Comment string `json:"comment,omitempty"`
	State   string `json:"state,omitempty"`
}

// Entity names, in merge order; they head the preview's lines.
const (
	EntCounty      = "县区"
	EntUnit        = "单位"
	EntLeader      = "班子成员"
	EntPerson      = "人员"
	EntHistory     = "工作经历"
	EntRelative    = "亲属关系"
	EntDeclaration = "回避申报"
	EntTerm        = "届期"
	EntRound       = "轮次"
	EntTeam        = "巡察组"
	EntTeamUnit    = "巡察组单位"
	EntMember      = "编组记录"
	EntTie         = "社会关系"
	EntTraining    = "培训记录"
	EntTeamEval    = "巡察组鉴定"
)

// Entities lists the entity names in merge order. A package written before
// the last ones existed counts only the first baseEntities.
var Entities = []string{EntCounty, EntUnit, EntLeader, EntPerson, EntHistory, EntRelative,
	EntDeclaration, EntTerm, EntRound, EntTeam, EntTeamUnit, EntMember, EntTie, EntTraining, EntTeamEval,
	EntMilestone, EntFinding, EntItem, EntClue, EntPlan}

// baseEntities is how many entities the first packages counted.
const baseEntities = 12

// counts returns the rows per entity of d, in the order of Entities.
func (d *Data) counts() []Count {
	n := []int{len(d.Counties), len(d.Units), len(d.Leaders), len(d.People), len(d.History), len(d.Relatives),
		len(d.Declarations), len(d.Terms), len(d.Rounds), len(d.Teams), len(d.TeamUnits), len(d.Members),
		len(d.Ties), len(d.Trainings), len(d.TeamEvals),
		len(d.Milestones), len(d.Findings), len(d.Items), len(d.Clues), len(d.Plans)}
	out := make([]Count, len(Entities))
	for i, e := range Entities {
		out[i] = Count{e, n[i]}
	}
	return out
}
