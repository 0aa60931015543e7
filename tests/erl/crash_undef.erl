-module(crash_undef).
-export([main/0]).

%% main/0 calls a function in a module that does not exist.

main() ->
    no_such_module_for_girder:start(id(1), two).

id(X) -> X.
