package app

// Change notification: every write the service commits is told to the
// subscribers, so that a window showing several screens over one database
// shows the change in all of them without a restart.

import (
	"sync"
)

// Change says what a committed write changed: the action and object of its
// audit entry, and the code. An import, a data package, the demonstration
// data and a restore change anything: their Entity is EntityAll.
type Change struct {
	Action string // 新增, 修改, 删除, 编组, 导入, 恢复, 设置 …
	Entity string // 人员, 单位, 轮次, 巡察组, 回避豁免, 设置 …, or EntityAll
	Key    string // the code of what changed ("" for many)
	User   string // who made it
}

// EntityAll is the Entity of a change that may have touched every table.
const EntityAll = "全部"

// Touches reports whether the change may have changed rows of one of the
// entities named (or of any, for a change of EntityAll).
func (c Change) Touches(entities ...string) bool {
	if c.Entity == EntityAll {
		return true
	}
	for _, e := range entities {
		if e == c.Entity {
			return true
		}
	}
	return false
}

// changeHub keeps the subscribers of a service's changes, in the order
// they subscribed.
type changeHub struct {
	mu   sync.Mutex
	next int
	subs []subscriber
}

type subscriber struct {
	id int
	f  func(Change)
}

func newChangeHub() *changeHub { return &changeHub{} }

// Subscribe calls f after every write the service commits, with what it
// changed, until cancel is called. f runs on the goroutine that wrote (a
// window's background work, say): it must be quick and hand the change
// over to its own thread (fyne.Do). A source of changes made elsewhere —
// shared mode's query for what other clerks changed since the last look —
// passes them to the same subscribers through Notify.
func (s *Service) Subscribe(f func(Change)) (cancel func()) {
	if s.changes == nil {
		s.changes = newChangeHub() // a service made without Open
	}
	h := s.changes
	h.mu.Lock()
	defer h.mu.Unlock()
	h.next++
	id := h.next
	h.subs = append(h.subs, subscriber{id, f})
	return func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		for i, sub := range h.subs {
			if sub.id == id {
				h.subs = append(h.subs[:i:i], h.subs[i+1:]...)
				return
			}
		}
	}
}

// Notify tells the subscribers about c. The service calls it after each
// write it committed; shared mode calls it for the changes other clerks
// made.
func (s *Service) Notify(c Change) {
	h := s.changes
	if h == nil {
		return
	}
	h.mu.Lock()
	subs := append([]subscriber(nil), h.subs...)
	h.mu.Unlock()
	for _, sub := range subs {
		sub.f(c)
	}
}

// notifyAll tells the subscribers that action (an import, a restore) may
// have changed anything.
func (s *Service) notifyAll(action, key string) {
	s.Notify(Change{Action: action, Entity: EntityAll, Key: key, User: s.User})
}
