class Config:
    timeout = 5
Config().timout
