{}['missing key']
