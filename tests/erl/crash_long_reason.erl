-module(crash_long_reason).
-export([main/0]).

%% An uncaught error whose reason is a large term (long list, nested tuples, floats, binary).

main() ->
    error({lists:seq(1, 200), list_to_tuple(lists:seq(1, 30)), 3.25, -0.5, 1.0e100,
           binary:copy(<<"ab">>, 40), #{k => v, 1 => 2}, [[[[[deep]]]]], 'Quoted atom', 1 bsl 100}).
