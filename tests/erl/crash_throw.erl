-module(crash_throw).
-export([main/0]).

%% main/0 throws: the reason becomes {nocatch, Value}.

main() ->
    throw({ball, id(42)}).

id(X) -> X.
