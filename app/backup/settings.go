// Package backup keeps the database safe: rotating copies made with VACUUM
// INTO (at exit, daily, on demand) in a folder the 管理员 chooses, the
// integrity check at start with the newest good backup to offer when it
// fails, and restore that keeps the replaced file beside it.
package backup

import (
	"fmt"
	"path/filepath"
)

// SettingKey is the key of the backup settings in the settings table.
const SettingKey = "backup"

// Settings say where and how often backups are made.
type Settings struct {
	Dir    string `json:"dir"`    // folder of the backups; "" = folder 备份 beside the database
	Keep   int    `json:"keep"`   // how many timestamped backups to keep
	Daily  bool   `json:"daily"`  // a backup on each day the program is used
	AtExit bool   `json:"atExit"` // a backup when the program closes
}

// DefaultFolder is the folder beside the database used when Dir is empty.
const DefaultFolder = "备份"

// Defaults are ten backups beside the database, daily and at exit.
func Defaults() Settings { return Settings{Keep: 10, Daily: true, AtExit: true} }

// Validate checks the settings.
func (s Settings) Validate() error {
	if s.Keep < 1 || s.Keep > 1000 {
		return fmt.Errorf("保留份数应在 1 到 1000 之间，而不是 %d", s.Keep)
	}
	if s.Dir != "" && !filepath.IsAbs(s.Dir) {
		return fmt.Errorf("备份文件夹 %s 应为完整路径", s.Dir)
	}
	return nil
}

// Folder is where the backups of the database at dbPath go.
func (s Settings) Folder(dbPath string) string {
	if s.Dir != "" {
		return s.Dir
	}
	return filepath.Join(filepath.Dir(dbPath), DefaultFolder)
}

// Store loads and saves settings; *app.Service is one.
type Store interface {
	LoadSetting(key string, v any) error
	SaveSetting(key string, v any) error
}

// Load returns the saved settings over the defaults.
func Load(st Store) (Settings, error) {
	s := Defaults()
	if err := st.LoadSetting(SettingKey, &s); err != nil {
		return Defaults(), err
	}
	if s.Validate() != nil {
		return Defaults(), fmt.Errorf("备份设置无效，已改用默认设置")
	}
	return s, nil
}

// Save checks and stores the settings.
func Save(st Store, s Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return st.SaveSetting(SettingKey, s)
}
