e = ValueError('main')
e.add_note('note 1')
e.add_note('note 2')
raise e
