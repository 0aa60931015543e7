-module(code_on_load).
-on_load(init/0).
-export([main/0]).
%% The on_load function runs before the module's first call, in the
%% calling process, and its side effects are visible to that call.

init() ->
    io:format("on_load ran in ~p~n", [case self() of P when is_pid(P) -> a_process end]),
    persistent_term:put(?MODULE, loaded),
    ok.

main() ->
    io:format("~p~n", [persistent_term:get(?MODULE, not_loaded)]),
    io:format("~p~n", [erlang:module_loaded(?MODULE)]),
    io:format("~p~n", [lists:keymember(on_load, 1, ?MODULE:module_info(attributes))]).
