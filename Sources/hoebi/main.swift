print("hoebi")
