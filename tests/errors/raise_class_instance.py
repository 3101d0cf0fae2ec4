class E(Exception):
    pass
raise E('custom') from ValueError('cause')
