await = nil
async = 3
print = 7
main = function() end
