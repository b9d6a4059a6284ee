package app

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"gorm.io/gorm"

	"xuncha/app/audit"
	"xuncha/app/vocab"
	"xuncha/model"
)

// english reports whether msg has a run of three or more Latin letters (a
// code like P01 or R3 is fine; "duplicated key" is not).
func english(msg string) bool {
	run := 0
	for _, r := range msg {
		if r < unicode.MaxASCII && unicode.IsLetter(r) {
			if run++; run >= 3 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// TestWriteExplainsDatabaseErrors makes the database refuse a write the
// way a second user of a shared file can make it: the message is Chinese,
// says what failed, and the driver's error is still there for errors.Is.
func TestWriteExplainsDatabaseErrors(t *testing.T) {
	s := assignService(t)
	cases := []struct {
		name  string
		entry audit.Entry
		fn    func(tx *gorm.DB) error
		is    error
		want  string
	}{
		{"他人刚保存了同一县区编码", audit.Entry{Action: "新增", Entity: "县区", Key: "C01"},
			func(tx *gorm.DB) error { return tx.Create(&model.County{Code: "C01", Name: "安平县"}).Error },
			gorm.ErrDuplicatedKey, "新增县区 C01 失败：与已有的记录重复"},
		{"引用的县区已被删除", audit.Entry{Action: "新增", Entity: "单位", Key: "U99"},
			func(tx *gorm.DB) error {
				return tx.Create(&model.Unit{Code: "U99", Name: "某局", CountyCode: "C99", Category: vocab.CatCountyOrgan}).Error
			},
			gorm.ErrForeignKeyViolated, "新增单位 U99 失败：引用的记录不存在"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := s.Write(tc.entry, tc.fn)
			if err == nil {
				t.Fatal("the write went through")
			}
			if !strings.HasPrefix(err.Error(), tc.want) || english(err.Error()) {
				t.Errorf("error = %q, want it to start with %q and be Chinese", err, tc.want)
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("errors.Is(%v, %v) = false", err, tc.is)
			}
		})
	}
	// The service's own messages pass as they are.
	own := errors.New("巡察组名称不能为空")
	if err := s.Write(audit.Entry{Action: "新增", Entity: "巡察组"}, func(*gorm.DB) error { return own }); err != own {
		t.Errorf("own error = %v, want it unchanged", err)
	}
}

// TestOpenExplainsWrongFile opens a workbook and a folder as the database,
// as a clerk who picks the wrong file does.
func TestOpenExplainsWrongFile(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "名单.xlsx")
	if err := os.WriteFile(book, append([]byte("PK\x03\x04"), make([]byte, 200)...), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{book, "不是本程序的数据库文件"},
		{dir, "是文件夹"},
	} {
		_, err := Open(tc.path, "测试")
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.path) || english(strings.ReplaceAll(err.Error(), tc.path, "")) {
			t.Errorf("Open(%s) = %v, want a Chinese message with %q", tc.path, err, tc.want)
		}
	}
}

// TestBadSettingExplained reads settings whose stored JSON is not what the
// program expects: the message names the setting in Chinese.
func TestBadSettingExplained(t *testing.T) {
	s := assignService(t)
	for key, want := range map[string]string{assignKey: "编组设置已损坏", "某项": "设置 某项 已损坏"} {
		if err := s.SaveSetting(key, map[string]any{"rows": "不是列表"}); err != nil {
			t.Fatal(err)
		}
		var v struct {
			Rows []int `json:"rows"`
		}
		err := s.LoadSetting(key, &v)
		var jerr *json.UnmarshalTypeError
		if err == nil || !strings.HasPrefix(err.Error(), want) || english(err.Error()) || !errors.As(err, &jerr) {
			t.Errorf("LoadSetting(%s) = %v, want a Chinese message starting %q", key, err, want)
		}
	}
}
