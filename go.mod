module github.com/restframe/restframe

go 1.24
