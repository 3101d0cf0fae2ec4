eval('undefined_name')
